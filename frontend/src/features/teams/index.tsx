// Amateur teams (文体队伍: 民众文艺活动队, 腰鼓队 …): staff keep the teams, their leaders and their
// equipment (bought, or given by a partner's goods pledge); residents ask to join for themself or
// someone of their household and leave; the resident who leads a team, or staff, answer requests.
import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';

const TeamsPage = lazy(() => import('./routes/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const TeamPage = lazy(() => import('./routes/TeamPage').then((m) => ({ default: m.TeamPage })));
const TeamFormPage = lazy(() => import('./routes/TeamFormPage').then((m) => ({ default: m.TeamFormPage })));

export const feature: Feature = {
  routes: [
    { path: 'teams', roles: ['staff', 'group_leader', 'resident'], Component: TeamsPage },
    { path: 'teams/new', roles: ['staff'], Component: TeamFormPage },
    { path: 'teams/:id', roles: ['staff', 'group_leader', 'resident'], Component: TeamPage },
  ],
  navigation: [
    { path: '/teams', label: 'nav.teams', icon: <TeamOutlined aria-hidden />, roles: ['staff'], order: 19 },
    { path: '/teams', label: 'nav.teams', icon: <TeamOutlined aria-hidden />, roles: ['group_leader'], order: 16 },
    { path: '/teams', label: 'nav.teams', icon: <TeamOutlined aria-hidden />, roles: ['resident'], order: 20 },
  ],
};
