import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { Feature } from '@/lib/features';

const AuditPage = lazy(() => import('./routes/AuditPage').then((m) => ({ default: m.AuditPage })));

export const feature: Feature = {
  routes: [{ path: 'audit', roles: ['staff'], Component: AuditPage }],
  navigation: [{ path: '/audit', label: 'nav.audit', icon: <AuditOutlined aria-hidden />, roles: ['staff'], order: 90 }],
};
