// In-app notifications (通知): a called-off event, tomorrow's duty, a join request for a team one
// leads, the answer to one's request. Every role has its own: a bell with the unread count in the
// header (app/StaffLayout.tsx, app/MobileLayout.tsx), the list, and the unread ones on the home page.
import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { NotificationsWidget } from './components/NotificationsWidget';

const NotificationsPage = lazy(() => import('./routes/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const OpenNotificationPage = lazy(() => import('./routes/OpenNotificationPage').then((m) => ({ default: m.OpenNotificationPage })));

export const feature: Feature = {
  routes: [
    { path: 'notifications', Component: NotificationsPage },
    { path: 'notifications/:id', Component: OpenNotificationPage },
  ],
  navigation: [
    { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined aria-hidden />, roles: ['staff'], order: 90 },
    { path: '/notifications', label: 'nav.notifications', icon: <BellOutlined aria-hidden />, roles: ['group_leader', 'resident', 'partner'], order: 2 },
  ],
  // After each role's own work on the home page; the bell in the header already shows the count.
  widgets: [{ key: 'notifications', roles: ['staff', 'group_leader', 'resident', 'partner'], order: 90, Component: NotificationsWidget }],
};
