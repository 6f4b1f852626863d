// Assistance cases (帮扶救助: 低保, 低保边缘, 临时救助, 医疗救助, 残疾人两项补贴 and 贷款贴息,
// 再就业, 解难题): staff open a case for a household and follow its procedure step by step — who
// acts, by when in working days (the work calendar of holidays and weekends worked), the home
// survey, the 公示 (printed), the decision — with its documents, timeline, audited finances and
// periodic reviews; the family follows its case on the phone, and a group leader sees the cases
// staff shared with them (kind and state only).
import { lazy } from 'react';
import { SolutionOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { AssistanceWidget } from './components/AssistanceWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const CasesPage = page(() => import('./routes/CasesPage'), 'CasesPage');
const NewCasePage = page(() => import('./routes/NewCasePage'), 'NewCasePage');
const CasePage = page(() => import('./routes/CasePage'), 'CasePage');
const PublicityPage = page(() => import('./routes/PublicityPage'), 'PublicityPage');
const ReviewsPage = page(() => import('./routes/ReviewsPage'), 'ReviewsPage');
const WorkCalendarPage = page(() => import('./routes/WorkCalendarPage'), 'WorkCalendarPage');
const MyCasesPage = page(() => import('./routes/MyCasesPage'), 'MyCasesPage');
const MyCasePage = page(() => import('./routes/MyCasePage'), 'MyCasePage');
const GroupCasesPage = page(() => import('./routes/GroupCasesPage'), 'GroupCasesPage');

export const feature: Feature = {
  routes: [
    { path: 'assistance/cases', roles: ['staff'], Component: CasesPage },
    { path: 'assistance/cases/new', roles: ['staff'], Component: NewCasePage },
    { path: 'assistance/cases/:id', roles: ['staff'], Component: CasePage },
    { path: 'assistance/cases/:id/publicity', roles: ['staff'], Component: PublicityPage },
    { path: 'assistance/reviews', roles: ['staff'], Component: ReviewsPage },
    { path: 'work-calendar', roles: ['staff'], Component: WorkCalendarPage },
    { path: 'my/cases', roles: ['resident'], Component: MyCasesPage },
    { path: 'my/cases/:id', roles: ['resident'], Component: MyCasePage },
    { path: 'group-cases', roles: ['group_leader'], Component: GroupCasesPage },
  ],
  sections: [{ key: 'assistance', label: 'nav.assistance', icon: <SolutionOutlined aria-hidden />, order: 17 }],
  navigation: [
    { path: '/assistance/cases', label: 'nav.assistanceCases', section: 'assistance', roles: ['staff'], order: 17 },
    { path: '/assistance/reviews', label: 'nav.assistanceReviews', section: 'assistance', roles: ['staff'], order: 18 },
    { path: '/work-calendar', label: 'nav.workCalendar', section: 'assistance', roles: ['staff'], order: 19 },
    { path: '/my/cases', label: 'nav.myCases', icon: <SolutionOutlined aria-hidden />, roles: ['resident'], order: 14 },
    // Under "more": the cases of the group staff shared with its leader.
    { path: '/group-cases', label: 'nav.groupCases', icon: <SolutionOutlined aria-hidden />, roles: ['group_leader'], order: 15 },
  ],
  widgets: [{ key: 'assistance-cases', roles: ['staff'], order: 7, Component: AssistanceWidget }],
};
