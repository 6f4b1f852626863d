// The nightly duty roster (值班): staff plan it (generate, set nights, lock, rules, holidays) and
// check it is fair; group leaders see their next nights, record the evening and say when they
// cannot come, offer a night to the others and take one offered (换班), which staff approve when a
// rule is not met; the fairness ledger is open to both.
import { lazy } from 'react';
import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { NextDutyWidget } from './components/NextDutyWidget';
import { SwapsWidget } from './components/SwapsWidget';
import { TonightWidget } from './components/TonightWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const RosterPage = page(() => import('./routes/RosterPage'), 'RosterPage');
const FairnessPage = page(() => import('./routes/FairnessPage'), 'FairnessPage');
const MyDutyPage = page(() => import('./routes/MyDutyPage'), 'MyDutyPage');

export const feature: Feature = {
  routes: [
    { path: 'duty', roles: ['staff'], Component: RosterPage },
    { path: 'duty/fairness', roles: ['staff', 'group_leader'], Component: FairnessPage },
    { path: 'duty/mine', roles: ['group_leader'], Component: MyDutyPage },
  ],
  sections: [{ key: 'duty', label: 'nav.duty', icon: <CalendarOutlined aria-hidden />, order: 15 }],
  navigation: [
    { path: '/duty', label: 'nav.dutyRoster', section: 'duty', roles: ['staff'], order: 15 },
    { path: '/duty/fairness', label: 'nav.dutyFairness', section: 'duty', roles: ['staff'], order: 16 },
    { path: '/duty/mine', label: 'nav.myDuty', icon: <CalendarOutlined aria-hidden />, roles: ['group_leader'], tab: ['group_leader'], order: 13 },
    { path: '/duty/fairness', label: 'nav.dutyFairness', icon: <ScheduleOutlined aria-hidden />, roles: ['group_leader'], order: 14 },
  ],
  widgets: [
    { key: 'duty-tonight', roles: ['staff'], order: 5, Component: TonightWidget },
    { key: 'duty-swaps', roles: ['staff'], order: 6, Component: SwapsWidget },
    { key: 'next-duty', roles: ['group_leader'], order: 5, Component: NextDutyWidget },
  ],
};
