// The one frame of every page: breadcrumb (at a desk), title, actions, content. On a phone the
// primary action can stay in reach at the bottom of the screen (`stickyAction`).
import type { ReactNode } from 'react';
import { Breadcrumb, Card, Grid, Space, Spin, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DESK_ROLES } from '@/lib/authorization';
import { useNavigationTrail } from '@/lib/features';
import { useMe } from '@/lib/session';

interface PageShellProps {
  title: ReactNode;
  /** Buttons beside the title. */
  actions?: ReactNode;
  /** One primary action that stays at the bottom of a phone screen. */
  stickyAction?: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  /** Content of several cards of its own; otherwise the content sits in one card. */
  bare?: boolean;
  loading?: boolean;
  testId?: string;
  children?: ReactNode;
}

export function PageShell({ title, actions, stickyAction, intro, bare = false, loading = false, testId, children }: PageShellProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { section, entry } = useNavigationTrail(me.role);
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const { pathname } = useLocation();
  const desk = DESK_ROLES.includes(me.role);
  const crumbs: { title: ReactNode }[] = [];
  if (desk && entry && entry.path !== '/') {
    crumbs.push({ title: <Link to="/">{t('nav.home')}</Link> });
    if (section) crumbs.push({ title: t(section.label) });
    if (pathname === entry.path) {
      crumbs.push({ title: t(entry.label) });
    } else {
      crumbs.push({ title: <Link to={entry.path}>{t(entry.label)}</Link> });
      crumbs.push({ title });
    }
  }
  const body = loading ? <Spin style={{ display: 'block', margin: 48 }} /> : children;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      {crumbs.length > 0 && <Breadcrumb items={crumbs} data-testid="breadcrumb" />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={phone || !desk ? 4 : 3} style={{ margin: 0, overflowWrap: 'anywhere', minWidth: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {(actions || (!phone && stickyAction)) && (
          <Space wrap>
            {!phone && stickyAction}
            {actions}
          </Space>
        )}
      </div>
      {intro && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {intro}
        </Typography.Paragraph>
      )}
      {bare ? body : <Card>{body}</Card>}
      {stickyAction && (phone ? <div className="xg-sticky-action">{stickyAction}</div> : null)}
    </Space>
  );
}
