// The desk layout for community office staff: side navigation, community name, user menu.
import { Suspense, useState } from 'react';
import { Layout, Menu, Space, Spin, Typography, theme } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { UserMenu } from '@/components/UserMenu';
import { useMe } from '@/lib/session';
import { navigationFor } from './navigation';

export function StaffLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const entries = navigationFor(me.role);
  // The deepest entry that matches the current path is the selected one.
  const leaves = entries.flatMap((e) => e.children ?? [e]);
  const match = leaves
    .filter((e) => location.pathname === e.path || (e.path !== '/' && e.path !== '/registry' && location.pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const selected = match ? [match.path] : [];

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="staff-layout">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light" width={220}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: token.colorPrimary, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '星' : t('app.brand')}
        </div>
        <Menu
          mode="inline"
          data-testid="side-nav"
          selectedKeys={selected}
          defaultOpenKeys={entries.filter((e) => e.children && location.pathname.startsWith(e.path)).map((e) => `group:${e.path}`)}
          items={entries.map((e) =>
            e.children
              ? { key: `group:${e.path}`, icon: e.icon, label: t(e.label), children: e.children.map((c) => ({ key: c.path, label: t(c.label) })) }
              : { key: e.path, icon: e.icon, label: t(e.label) },
          )}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: token.colorBgContainer, display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}
        >
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="community-name">
            {me.community.name}
          </Typography.Title>
          <Space>
            <LanguageSwitcher />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
