// The phone layout for group leaders, residents and partners: a compact header with a back
// button and the notification bell, one column that fits a 360 px screen, and a bottom tab bar —
// home, the role's own page (my group / my household / my pledges), and "more" for everything else.
import { Button, Layout, Space, Spin, Typography, theme } from 'antd';
import { AppstoreOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { UserMenu } from '@/components/UserMenu';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { useMe } from '@/lib/session';
import { navigationFor, useFeatures, type NavItem } from '@/lib/features';

/** The bottom tabs of a role: home, the entries marked as its tabs, then "more". */
export function tabsFor(navigation: NavItem[], role: NavItem['roles'][number]): NavItem[] {
  const entries = navigationFor(navigation, role);
  const home = entries.find((e) => e.path === '/');
  const own = entries.filter((e) => e.tab?.includes(role));
  return [...(home ? [home] : []), ...own];
}

export function MobileLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const { navigation } = useFeatures();
  const tabs = tabsFor(navigation, me.role);
  const isTabRoot = location.pathname === '/' || location.pathname === '/more' || tabs.some((tab) => tab.path === location.pathname);
  const current = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname === path || location.pathname.startsWith(`${path}/`));
  const onMore = !tabs.some((tab) => current(tab.path));
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="mobile-layout">
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          paddingInline: 8,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 4,
          height: 56,
          lineHeight: '56px',
          position: 'sticky',
          top: 0,
          zIndex: 100,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', minWidth: 0, flex: '1 1 auto' }}>
          {!isTabRoot && (
            <Button
              type="text"
              icon={<ArrowLeftOutlined aria-hidden />}
              aria-label={t('nav.back')}
              data-testid="back"
              onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
            />
          )}
          <Typography.Text strong ellipsis style={{ color: token.colorPrimary, fontSize: 18, minWidth: 48 }} data-testid="community-name">
            {me.community.name}
          </Typography.Text>
        </div>
        <Space size={0} style={{ flex: 'none' }}>
          <NotificationBell />
          <LanguageSwitcher compact />
          <UserMenu compact />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, paddingBottom: 80, maxWidth: 640, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <nav className="xg-tabbar" aria-label={t('nav.main')} data-testid="tab-bar">
        {tabs.map((tab) => (
          <Link key={tab.path} to={tab.path} aria-current={current(tab.path) ? 'page' : undefined} data-testid={`tab:${tab.path}`}>
            {tab.icon}
            <span>{t(tab.label)}</span>
          </Link>
        ))}
        <Link to="/more" aria-current={onMore ? 'page' : undefined} data-testid="tab:/more">
          <AppstoreOutlined aria-hidden />
          <span>{t('nav.more')}</span>
        </Link>
      </nav>
    </Layout>
  );
}
