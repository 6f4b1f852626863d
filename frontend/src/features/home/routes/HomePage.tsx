// The first page after login. Staff: today's work — each capability's widget (items waiting for
// this user, key figures), contributed through its own feature module. Everyone else: their
// pages as large buttons, and the widgets for their role.
import { Card, Col, Row, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { navigationFor, useFeatures, useHomeWidgets } from '@/lib/features';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.role === 'staff';
  const widgets = useHomeWidgets(me.role);
  const { navigation } = useFeatures();
  const links = navigationFor(navigation, me.role).filter((e) => e.path !== '/');
  return (
    <PageShell
      title={isStaff ? t('home.todayTitle') : t('home.welcome', { name: me.display_name })}
      intro={
        <>
          {isStaff && <>{t('home.welcome', { name: me.display_name })} · </>}
          <span data-testid="my-role">{t(`roles.${me.role}`)}</span> · {me.community.name}
        </>
      }
      testId="home"
      bare
    >
      {widgets.length > 0 && (
        <Row gutter={[16, 16]} data-testid="home-widgets">
          {widgets.map(({ key, Component }) => (
            <Col key={key} xs={24} lg={isStaff ? 12 : 24}>
              <Component />
            </Col>
          ))}
        </Row>
      )}
      {!isStaff && (
        <Card size="small" title={t('home.myPages')}>
          <Space direction="vertical" style={{ width: '100%' }} size={0}>
            {links.map((entry) => (
              <Link
                key={entry.path}
                to={entry.path}
                data-testid={`home-link:${entry.path}`}
                style={{ display: 'flex', alignItems: 'center', gap: 12, minHeight: 52, paddingInline: 8, color: 'inherit', borderBottom: '1px solid #f0f0f0' }}
              >
                {entry.icon}
                <Typography.Text strong style={{ flex: 1 }}>
                  {t(entry.label)}
                </Typography.Text>
                <RightOutlined aria-hidden />
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </PageShell>
  );
}
