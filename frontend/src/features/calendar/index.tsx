// Calendar subscriptions (日历订阅): a private, revocable iCalendar link for the phone's own
// calendar app — a leader's duty nights, the whole roster for staff, residents' events as they
// come. Its page is reachable for every role with a calendar (staff under 值班), and its card sits
// on the leader's 我的值班 too.
import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { MY_DUTY_SLOT, type Feature } from '@/lib/features';
import { CalendarFeedCard } from './components/CalendarFeedCard';

const CalendarPage = lazy(() => import('./routes/CalendarPage').then((m) => ({ default: m.CalendarPage })));

export const feature: Feature = {
  routes: [{ path: 'calendar', roles: ['staff', 'group_leader', 'resident'], Component: CalendarPage }],
  navigation: [
    { path: '/calendar', label: 'nav.calendar', section: 'duty', roles: ['staff'], order: 17 },
    { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined aria-hidden />, roles: ['group_leader', 'resident'], order: 50 },
  ],
  slots: { [MY_DUTY_SLOT]: [CalendarFeedCard] },
};
