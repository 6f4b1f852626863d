// The resident handbook (居民手册): whom to call for what — the community office, partner units,
// county departments and the water, power and gas companies — with phone, hours, address and what
// to bring, grouped in categories that are also the kinds of help request (and the Open311
// services). Everyone reads the current edition on the phone or as a PDF; staff edit a draft,
// publish it as the next edition and print it as an A5 booklet. Staff also issue the keys of
// third-party Open311 clients here, since those clients file requests into these categories.
import { lazy } from 'react';
import { BookOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const HandbookPage = page(() => import('./routes/HandbookPage'), 'HandbookPage');
const EditionsPage = page(() => import('./routes/EditionsPage'), 'EditionsPage');
const EditionPage = page(() => import('./routes/EditionPage'), 'EditionPage');
const PrintPage = page(() => import('./routes/PrintPage'), 'PrintPage');
const Open311KeysPage = page(() => import('./routes/Open311KeysPage'), 'Open311KeysPage');

export const feature: Feature = {
  routes: [
    { path: 'handbook', Component: HandbookPage },
    { path: 'handbook/print', roles: ['staff'], Component: PrintPage },
    { path: 'handbook/editions', roles: ['staff'], Component: EditionsPage },
    { path: 'handbook/editions/:id', roles: ['staff'], Component: EditionPage },
    { path: 'handbook/editions/:id/print', roles: ['staff'], Component: PrintPage },
    { path: 'open311-keys', roles: ['staff'], Component: Open311KeysPage },
  ],
  navigation: [
    // Staff: after the help requests' queue and intake, in their section (declared by the
    // help-requests feature): the handbook is where requests are referred to.
    { path: '/handbook', label: 'nav.handbook', section: 'helpRequests', roles: ['staff'], order: 16 },
    { path: '/handbook/editions', label: 'nav.handbookEditions', section: 'helpRequests', roles: ['staff'], order: 17 },
    // Beside the partner units and their API clients: another way for outsiders to reach us.
    { path: '/open311-keys', label: 'nav.open311Keys', section: 'support', roles: ['staff'], order: 24 },
    // Phones: near the top of "more" — the page a resident in trouble looks for.
    { path: '/handbook', label: 'nav.handbook', icon: <BookOutlined aria-hidden />, roles: ['group_leader', 'resident', 'partner'], order: 3 },
  ],
};
