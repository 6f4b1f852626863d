// The resident registry: overview, residents, households, import; a leader's group, a resident's household.
import { lazy } from 'react';
import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { KeyFiguresWidget } from './components/KeyFiguresWidget';
import { LivingAloneWidget } from './components/LivingAloneWidget';
import { MyHouseholdWidget } from './components/MyHouseholdWidget';
import { RecentImportsWidget } from './components/RecentImportsWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const RegistryOverviewPage = page(() => import('./routes/RegistryOverviewPage'), 'RegistryOverviewPage');
const ResidentsPage = page(() => import('./routes/ResidentsPage'), 'ResidentsPage');
const ResidentPage = page(() => import('./routes/ResidentPage'), 'ResidentPage');
const HouseholdsPage = page(() => import('./routes/HouseholdsPage'), 'HouseholdsPage');
const HouseholdPage = page(() => import('./routes/HouseholdPage'), 'HouseholdPage');
const ImportPage = page(() => import('./routes/ImportPage'), 'ImportPage');
const MyHouseholdPage = page(() => import('./routes/MyHouseholdPage'), 'MyHouseholdPage');

export const feature: Feature = {
  routes: [
    { path: 'registry', roles: ['staff'], Component: RegistryOverviewPage },
    { path: 'registry/residents', roles: ['staff', 'group_leader', 'resident'], Component: ResidentsPage },
    { path: 'registry/residents/:id', roles: ['staff', 'group_leader', 'resident'], Component: ResidentPage },
    { path: 'registry/households', roles: ['staff', 'group_leader'], Component: HouseholdsPage },
    { path: 'registry/households/:id', roles: ['staff', 'group_leader', 'resident'], Component: HouseholdPage },
    { path: 'registry/import', roles: ['staff'], Component: ImportPage },
    { path: 'registry/my-household', roles: ['resident'], Component: MyHouseholdPage },
  ],
  sections: [{ key: 'registry', label: 'nav.registry', icon: <TeamOutlined aria-hidden />, order: 10 }],
  navigation: [
    { path: '/registry', label: 'nav.registryOverview', section: 'registry', roles: ['staff'], order: 10 },
    { path: '/registry/residents', label: 'nav.residents', section: 'registry', roles: ['staff'], order: 11 },
    { path: '/registry/households', label: 'nav.households', section: 'registry', roles: ['staff'], order: 12 },
    { path: '/registry/import', label: 'nav.import', section: 'registry', roles: ['staff'], order: 13 },
    { path: '/registry/residents', label: 'nav.myGroup', icon: <TeamOutlined aria-hidden />, roles: ['group_leader'], tab: ['group_leader'], order: 11 },
    { path: '/registry/households', label: 'nav.myGroupHouseholds', icon: <ApartmentOutlined aria-hidden />, roles: ['group_leader'], order: 12 },
    { path: '/registry/my-household', label: 'nav.myHousehold', icon: <UserOutlined aria-hidden />, roles: ['resident'], tab: ['resident'], order: 11 },
  ],
  widgets: [
    { key: 'recent-imports', roles: ['staff'], order: 30, Component: RecentImportsWidget },
    { key: 'registry-figures', roles: ['staff'], order: 50, Component: KeyFiguresWidget },
    { key: 'living-alone', roles: ['group_leader'], order: 10, Component: LivingAloneWidget },
    { key: 'my-household', roles: ['resident'], order: 10, Component: MyHouseholdWidget },
  ],
};
