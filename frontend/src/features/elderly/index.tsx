// Older residents (老年人): staff keep the age lists (60+ … 100+, the longevity subsidy's), the
// 老年人优待证 (single and autumn batch applications, issuing, the county office's lists) and the
// festival visit campaigns (重阳节走访: the worklist per group, progress, follow-ups); a group
// leader visits their group's people from their phone and records each visit in three taps.
import { lazy } from 'react';
import { CarryOutOutlined, IdcardOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { CardsWidget } from './components/CardsWidget';
import { VisitProgressWidget } from './components/VisitProgressWidget';
import { VisitsLeftWidget } from './components/VisitsLeftWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const ElderlyPage = page(() => import('./routes/ElderlyPage'), 'ElderlyPage');
const CardsPage = page(() => import('./routes/CardsPage'), 'CardsPage');
const CampaignsPage = page(() => import('./routes/CampaignsPage'), 'CampaignsPage');
const CampaignPage = page(() => import('./routes/CampaignPage'), 'CampaignPage');
const MyVisitsPage = page(() => import('./routes/MyVisitsPage'), 'MyVisitsPage');

export const feature: Feature = {
  routes: [
    { path: 'elderly', roles: ['staff'], Component: ElderlyPage },
    { path: 'elderly/cards', roles: ['staff'], Component: CardsPage },
    { path: 'elderly/visits', roles: ['staff'], Component: CampaignsPage },
    { path: 'elderly/visits/:id', roles: ['staff'], Component: CampaignPage },
    { path: 'visits', roles: ['group_leader'], Component: MyVisitsPage },
  ],
  sections: [{ key: 'elderly', label: 'nav.elderlyServices', icon: <IdcardOutlined aria-hidden />, order: 25 }],
  navigation: [
    { path: '/elderly', label: 'nav.elderly', section: 'elderly', roles: ['staff'], order: 25 },
    { path: '/elderly/cards', label: 'nav.elderlyCards', section: 'elderly', roles: ['staff'], order: 26 },
    { path: '/elderly/visits', label: 'nav.elderlyVisits', section: 'elderly', roles: ['staff'], order: 27 },
    // Under "more" (the phone's tab bar keeps the year-round pages); in visiting season the home
    // widget leads straight to it.
    { path: '/visits', label: 'nav.visits', icon: <CarryOutOutlined aria-hidden />, roles: ['group_leader'], order: 12 },
  ],
  widgets: [
    { key: 'elderly-cards', roles: ['staff'], order: 40, Component: CardsWidget },
    { key: 'visit-progress', roles: ['staff'], order: 41, Component: VisitProgressWidget },
    { key: 'visits-left', roles: ['group_leader'], order: 4, Component: VisitsLeftWidget },
  ],
};
