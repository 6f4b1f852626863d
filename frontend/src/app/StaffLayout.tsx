// The desk layout for community office staff: side navigation built from the features'
// entries, the community name once, the notification bell, language and user menu. On a phone
// the navigation moves into a drawer behind a menu button.
import { Suspense, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography, theme } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MenuProps } from 'antd';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { UserMenu } from '@/components/UserMenu';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { useMe } from '@/lib/session';
import { entryFor, navigationFor, useFeatures } from '@/lib/features';

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const { navigation, sections } = useFeatures();
  const entries = navigationFor(navigation, me.role);
  const selected = entryFor(entries, location.pathname);
  type Item = Required<MenuProps>['items'][number] & { order: number };
  const items: Item[] = [];
  for (const entry of entries.filter((e) => !e.section)) {
    items.push({ key: entry.path, icon: entry.icon, label: t(entry.label), order: entry.order });
  }
  for (const section of sections) {
    const children = entries.filter((e) => e.section === section.key);
    if (children.length === 0) continue;
    items.push({
      key: `section:${section.key}`,
      icon: section.icon,
      label: t(section.label),
      order: section.order,
      children: children.map((c) => ({ key: c.path, label: t(c.label) })),
    });
  }
  items.sort((a, b) => a.order - b.order);
  return (
    <Menu
      mode="inline"
      data-testid="side-nav"
      aria-label={t('nav.main')}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={selected?.section ? [`section:${selected.section}`] : []}
      items={items.map(({ order: _order, ...item }) => item)}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

export function StaffLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const brand = (
    <Typography.Text strong ellipsis style={{ color: token.colorPrimary, fontSize: 18 }} data-testid="community-name">
      {me.community.name}
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="staff-layout">
      {!phone && (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="light" width={220}>
          <div style={{ padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>{collapsed ? <span aria-hidden>★</span> : brand}</div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            paddingInline: phone ? 8 : 24,
          }}
        >
          {phone ? (
            <div style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, flex: '1 1 auto' }}>
              <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.openMenu')} onClick={() => setDrawer(true)} data-testid="open-nav" />
              {brand}
            </div>
          ) : (
            <span />
          )}
          <Space size={phone ? 0 : 8} style={{ flex: 'none' }}>
            <NotificationBell />
            <LanguageSwitcher compact={phone} />
            <UserMenu compact={phone} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" width={260} title={me.community.name} styles={{ body: { padding: 0 } }}>
          <SideMenu onNavigate={() => setDrawer(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
