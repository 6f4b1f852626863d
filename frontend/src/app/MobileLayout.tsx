// The phone layout for group leaders, residents and partners: a compact header and a single
// column that fits a 360 px wide screen.
import { Layout, Space, Spin, Typography, theme } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from '@/components/LanguageSwitcher';
import { UserMenu } from '@/components/UserMenu';
import { useMe } from '@/lib/session';

export function MobileLayout() {
  const me = useMe();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="mobile-layout">
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          paddingInline: 12,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          height: 56,
          lineHeight: '56px',
        }}
      >
        <Typography.Text strong ellipsis style={{ color: token.colorPrimary, flex: '1 1 auto', minWidth: 64 }} data-testid="community-name">
          {me.community.name}
        </Typography.Text>
        <Space size={0} style={{ flex: 'none' }}>
          <LanguageSwitcher compact />
          <UserMenu compact />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 640, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
