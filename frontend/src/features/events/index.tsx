// Community events (活动): staff publish lectures, performances, clean-ups, meetings and square
// dances — open to all, to Party members or to a team's members, on a partner's venue — and call
// them off with a reason; residents register themselves or their family (a waiting list when full)
// and show their check-in code at the door; staff and leaders check people in by code or by name.
// Recurring events (the nightly square) have a month calendar with the leaders on duty and the
// headcount, where an evening is called off; partners see what is held on their venues.
import { lazy } from 'react';
import { EnvironmentOutlined, FlagOutlined, StarOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { NextEventWidget } from './components/NextEventWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const EventsPage = page(() => import('./routes/EventsPage'), 'EventsPage');
const EventPage = page(() => import('./routes/EventPage'), 'EventPage');
const EventFormPage = page(() => import('./routes/EventFormPage'), 'EventFormPage');
const SeriesPage = page(() => import('./routes/SeriesPage'), 'SeriesPage');
const SquarePage = page(() => import('./routes/SeriesPage'), 'SquarePage');
const SeriesFormPage = page(() => import('./routes/SeriesFormPage'), 'SeriesFormPage');
const VenueEventsPage = page(() => import('./routes/VenueEventsPage'), 'VenueEventsPage');

const PEOPLE = ['staff', 'group_leader', 'resident'] as const;

export const feature: Feature = {
  routes: [
    { path: 'events', roles: [...PEOPLE], Component: EventsPage },
    { path: 'events/new', roles: ['staff'], Component: EventFormPage },
    { path: 'events/square', roles: [...PEOPLE], Component: SquarePage },
    { path: 'events/series/new', roles: ['staff'], Component: SeriesFormPage },
    { path: 'events/series/:id', roles: [...PEOPLE], Component: SeriesPage },
    { path: 'events/:id', roles: ['staff', 'group_leader'], Component: EventPage },
    { path: 'venue-events', roles: ['partner'], Component: VenueEventsPage },
  ],
  navigation: [
    { path: '/events', label: 'nav.eventsManage', icon: <FlagOutlined aria-hidden />, roles: ['staff'], order: 18 },
    { path: '/events/square', label: 'nav.squareSeries', icon: <StarOutlined aria-hidden />, roles: ['staff'], order: 19 },
    { path: '/events', label: 'nav.events', icon: <FlagOutlined aria-hidden />, roles: ['group_leader'], order: 15 },
    { path: '/events/square', label: 'nav.squareSeries', icon: <StarOutlined aria-hidden />, roles: ['group_leader'], order: 16 },
    { path: '/events', label: 'nav.events', icon: <FlagOutlined aria-hidden />, roles: ['resident'], tab: ['resident'], order: 12 },
    { path: '/events/square', label: 'nav.squareSeries', icon: <StarOutlined aria-hidden />, roles: ['resident'], order: 13 },
    { path: '/venue-events', label: 'nav.venueEvents', icon: <EnvironmentOutlined aria-hidden />, roles: ['partner'], tab: ['partner'], order: 12 },
  ],
  widgets: [{ key: 'next-event', roles: ['resident'], order: 5, Component: NextEventWidget }],
};
