// The first page after login: who is signed in, in which community, and where to go next.
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/session';
import { usePendingPledges } from '../api/get-pending-pledges';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.role === 'staff';
  const pending = usePendingPledges(isStaff);
  const pendingCount = pending.data ? `${pending.data.items.length}${pending.data.next_cursor ? '+' : ''}` : null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="home">
      <Typography.Title level={isStaff ? 3 : 4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
        {t('home.welcome', { name: me.display_name })}
      </Typography.Title>
      <Card>
        <Descriptions column={isStaff ? 2 : 1} size={isStaff ? 'default' : 'small'}>
          <Descriptions.Item label={t('home.community')}>{me.community.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.region')}>{[me.community.province, me.community.city, me.community.county].join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('home.role')}>
            <span data-testid="my-role">{t(`roles.${me.role}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
        </Descriptions>
      </Card>
      {isStaff && pendingCount !== null && pendingCount !== '0' && (
        <Card size="small" data-testid="pending-pledges">
          <Space wrap>
            <Typography.Text strong>{t('home.pendingPledges', { count: pendingCount })}</Typography.Text>
            <Link to="/pledges?status=submitted">
              <Button type="primary" size="small">
                {t('home.reviewPledges')}
              </Button>
            </Link>
          </Space>
        </Card>
      )}
      <Typography.Paragraph type="secondary">
        {isStaff ? (
          <>
            {t('home.staffIntro')} <Link to="/audit">{t('home.openAudit')}</Link>
          </>
        ) : (
          t('home.mobileIntro')
        )}
      </Typography.Paragraph>
      {me.role === 'group_leader' && (
        <Space wrap>
          <Link to="/registry/residents" data-testid="my-group-residents">
            <Button type="primary">{t('home.myGroupResidents')}</Button>
          </Link>
          <Link to="/registry/households">
            <Button>{t('home.myGroupHouseholds')}</Button>
          </Link>
        </Space>
      )}
      {me.role === 'partner' && (
        <Space wrap data-testid="partner-links">
          <Link to="/needs" data-testid="open-needs">
            <Button type="primary">{t('nav.needs')}</Button>
          </Link>
          <Link to="/pledges" data-testid="my-pledges">
            <Button>{t('support.myPledges')}</Button>
          </Link>
          <Link to="/my-unit">
            <Button>{t('support.myUnit')}</Button>
          </Link>
          <Link to="/webhooks">
            <Button>{t('support.webhooksTitle')}</Button>
          </Link>
        </Space>
      )}
      {(me.role === 'resident' || me.role === 'group_leader') && (
        <Space wrap>
          <Link to="/needs">
            <Button>{t('nav.needs')}</Button>
          </Link>
          <Link to="/thanks">
            <Button>{t('nav.thanks')}</Button>
          </Link>
        </Space>
      )}
      {me.role === 'resident' && (
        <Link to="/registry/my-household" data-testid="my-household">
          <Button type="primary">{t('home.myHousehold')}</Button>
        </Link>
      )}
    </Space>
  );
}
