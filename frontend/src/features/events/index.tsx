// Community events (活动): staff publish lectures, performances, clean-ups, meetings and square
// dances and call them off with a reason; residents register (a waiting list when full) and show
// their check-in code at the door; staff and leaders check people in by code or by name.
import { lazy } from 'react';
import { FlagOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { NextEventWidget } from './components/NextEventWidget';

const EventsPage = lazy(() => import('./routes/EventsPage').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('./routes/EventPage').then((m) => ({ default: m.EventPage })));
const EventFormPage = lazy(() => import('./routes/EventFormPage').then((m) => ({ default: m.EventFormPage })));

export const feature: Feature = {
  routes: [
    { path: 'events', roles: ['staff', 'group_leader', 'resident'], Component: EventsPage },
    { path: 'events/new', roles: ['staff'], Component: EventFormPage },
    { path: 'events/:id', roles: ['staff', 'group_leader'], Component: EventPage },
  ],
  navigation: [
    { path: '/events', label: 'nav.eventsManage', icon: <FlagOutlined aria-hidden />, roles: ['staff'], order: 18 },
    { path: '/events', label: 'nav.events', icon: <FlagOutlined aria-hidden />, roles: ['group_leader'], order: 15 },
    { path: '/events', label: 'nav.events', icon: <FlagOutlined aria-hidden />, roles: ['resident'], tab: ['resident'], order: 12 },
  ],
  widgets: [{ key: 'next-event', roles: ['resident'], order: 5, Component: NextEventWidget }],
};
