// Help requests (求助/报修/投诉/咨询): a resident asks on the phone app, a group leader files for a
// resident of the group, or staff take a call on the hotline; staff work the queue by the time
// each request has left — assign it, refer it to the responsible party from the handbook, resolve
// it, call back — and the requester follows it, rates the answer, or reopens it within 30 days.
import { lazy } from 'react';
import { CustomerServiceOutlined, MessageOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';
import { HelpRequestsWidget } from './components/HelpRequestsWidget';

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const RequestsPage = page(() => import('./routes/RequestsPage'), 'RequestsPage');
const IntakePage = page(() => import('./routes/IntakePage'), 'IntakePage');
const RequestPage = page(() => import('./routes/RequestPage'), 'RequestPage');
const MyRequestsPage = page(() => import('./routes/MyRequestsPage'), 'MyRequestsPage');
const NewMyRequestPage = page(() => import('./routes/NewMyRequestPage'), 'NewMyRequestPage');
const MyRequestPage = page(() => import('./routes/MyRequestPage'), 'MyRequestPage');
const GroupRequestsPage = page(() => import('./routes/GroupRequestsPage'), 'GroupRequestsPage');
const NewGroupRequestPage = page(() => import('./routes/NewGroupRequestPage'), 'NewGroupRequestPage');
const GroupRequestPage = page(() => import('./routes/GroupRequestPage'), 'GroupRequestPage');

export const feature: Feature = {
  routes: [
    { path: 'help-requests', roles: ['staff'], Component: RequestsPage },
    { path: 'help-requests/intake', roles: ['staff'], Component: IntakePage },
    { path: 'help-requests/:id', roles: ['staff'], Component: RequestPage },
    { path: 'my/requests', roles: ['resident'], Component: MyRequestsPage },
    { path: 'my/requests/new', roles: ['resident'], Component: NewMyRequestPage },
    { path: 'my/requests/:id', roles: ['resident'], Component: MyRequestPage },
    { path: 'group-requests', roles: ['group_leader'], Component: GroupRequestsPage },
    { path: 'group-requests/new', roles: ['group_leader'], Component: NewGroupRequestPage },
    { path: 'group-requests/:id', roles: ['group_leader'], Component: GroupRequestPage },
  ],
  // After 居民登记: taking calls and working the queue is the office's daily front-line work.
  sections: [{ key: 'helpRequests', label: 'nav.helpRequests', icon: <CustomerServiceOutlined aria-hidden />, order: 14 }],
  navigation: [
    { path: '/help-requests', label: 'nav.helpRequestsQueue', section: 'helpRequests', roles: ['staff'], order: 14 },
    { path: '/help-requests/intake', label: 'nav.helpRequestsIntake', section: 'helpRequests', roles: ['staff'], order: 15 },
    // Under "more" on the phone, like the household's assistance cases.
    { path: '/my/requests', label: 'nav.myRequests', icon: <MessageOutlined aria-hidden />, roles: ['resident'], order: 13 },
    { path: '/group-requests', label: 'nav.groupRequests', icon: <MessageOutlined aria-hidden />, roles: ['group_leader'], order: 14 },
  ],
  widgets: [{ key: 'help-requests', roles: ['staff'], order: 4, Component: HelpRequestsWidget }],
};
