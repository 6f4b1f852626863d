// Community needs, partners' pledges and their deliveries, the thank-you list, contributions.
import { lazy } from 'react';
import { FileTextOutlined, GiftOutlined, SmileOutlined } from '@ant-design/icons';
import { PARTNER_DETAILS_SLOT, type Feature } from '@/lib/features';
import { PendingPledgesWidget } from './components/PendingPledgesWidget';
import { OpenNeedsWidget } from './components/OpenNeedsWidget';
import { PartnerContributions } from './components/PartnerContributions';

const NeedsPage = lazy(() => import('./routes/NeedsPage').then((m) => ({ default: m.NeedsPage })));
const PledgesPage = lazy(() => import('./routes/PledgesPage').then((m) => ({ default: m.PledgesPage })));
const PledgePage = lazy(() => import('./routes/PledgePage').then((m) => ({ default: m.PledgePage })));
const PledgeFormPage = lazy(() => import('./routes/PledgeFormPage').then((m) => ({ default: m.PledgeFormPage })));
const ThanksPage = lazy(() => import('./routes/ThanksPage').then((m) => ({ default: m.ThanksPage })));

const PEOPLE = ['group_leader', 'resident', 'partner'] as const;

export const feature: Feature = {
  routes: [
    { path: 'needs', Component: NeedsPage },
    { path: 'pledges', roles: ['staff', 'partner'], Component: PledgesPage },
    { path: 'pledges/new', roles: ['partner'], Component: PledgeFormPage },
    { path: 'pledges/:id', roles: ['staff', 'partner'], Component: PledgePage },
    { path: 'thanks', Component: ThanksPage },
  ],
  navigation: [
    { path: '/needs', label: 'nav.needs', section: 'support', roles: ['staff'], order: 21 },
    { path: '/pledges', label: 'nav.pledges', section: 'support', roles: ['staff'], order: 22 },
    { path: '/thanks', label: 'nav.thanks', section: 'support', roles: ['staff'], order: 23 },
    { path: '/pledges', label: 'nav.myPledges', icon: <GiftOutlined aria-hidden />, roles: ['partner'], tab: ['partner'], order: 11 },
    { path: '/needs', label: 'nav.needs', icon: <FileTextOutlined aria-hidden />, roles: [...PEOPLE], order: 30 },
    { path: '/thanks', label: 'nav.thanks', icon: <SmileOutlined aria-hidden />, roles: [...PEOPLE], order: 31 },
  ],
  widgets: [
    { key: 'pending-pledges', roles: ['staff'], order: 10, Component: PendingPledgesWidget },
    { key: 'open-needs', roles: ['staff', 'partner'], order: 20, Component: OpenNeedsWidget },
  ],
  slots: { [PARTNER_DETAILS_SLOT]: [PartnerContributions] },
};
