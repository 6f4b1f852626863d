// The staff side navigation: one entry per capability that has pages. A capability adds its
// entry here when its first page lands — no placeholders.
import type { ReactNode } from 'react';
import { AuditOutlined, HomeOutlined } from '@ant-design/icons';
import type { Role } from '@/lib/session';

export interface NavEntry {
  path: string;
  /** Translation key of the label. */
  label: string;
  icon: ReactNode;
  roles: Role[];
}

export const NAVIGATION: NavEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: ['staff', 'group_leader', 'resident', 'partner'] },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, roles: ['staff'] },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}
