// The staff side navigation: one entry per capability that has pages. A capability adds its
// entry here when its first page lands — no placeholders.
import type { ReactNode } from 'react';
import { AuditOutlined, HeartOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '@/lib/session';

export interface NavEntry {
  path: string;
  /** Translation key of the label. */
  label: string;
  icon: ReactNode;
  roles: Role[];
  /** Sub-pages, shown as a sub-menu. */
  children?: Omit<NavEntry, 'icon' | 'children'>[];
}

export const NAVIGATION: NavEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, roles: ['staff', 'group_leader', 'resident', 'partner'] },
  {
    path: '/registry',
    label: 'nav.registry',
    icon: <TeamOutlined />,
    roles: ['staff'],
    children: [
      { path: '/registry', label: 'nav.registryOverview', roles: ['staff'] },
      { path: '/registry/residents', label: 'nav.residents', roles: ['staff'] },
      { path: '/registry/households', label: 'nav.households', roles: ['staff'] },
      { path: '/registry/import', label: 'nav.import', roles: ['staff'] },
    ],
  },
  {
    path: '/partners',
    label: 'nav.support',
    icon: <HeartOutlined />,
    roles: ['staff'],
    children: [
      { path: '/partners', label: 'nav.partners', roles: ['staff'] },
      { path: '/needs', label: 'nav.needs', roles: ['staff'] },
      { path: '/pledges', label: 'nav.pledges', roles: ['staff'] },
      { path: '/thanks', label: 'nav.thanks', roles: ['staff'] },
    ],
  },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, roles: ['staff'] },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}
