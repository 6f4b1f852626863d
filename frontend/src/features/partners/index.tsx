// Partner units (共建单位) and their API clients.
import { lazy } from 'react';
import { BankOutlined, HeartOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';

const PartnersPage = lazy(() => import('./routes/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => import('./routes/PartnerPage').then((m) => ({ default: m.PartnerPage })));

export const feature: Feature = {
  routes: [
    { path: 'partners', roles: ['staff'], Component: PartnersPage },
    { path: 'partners/:id', roles: ['staff'], Component: PartnerPage },
    { path: 'my-unit', roles: ['partner'], Component: PartnerPage },
  ],
  sections: [{ key: 'support', label: 'nav.support', icon: <HeartOutlined aria-hidden />, order: 20 }],
  navigation: [
    { path: '/partners', label: 'nav.partners', section: 'support', roles: ['staff'], order: 20 },
    { path: '/my-unit', label: 'nav.myUnit', icon: <BankOutlined aria-hidden />, roles: ['partner'], order: 40 },
  ],
};
