// Staff: the pledge review queue and every pledge by status. Partner: my pledges.
import { Card, Empty, List, Segmented, Space, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { useMe } from '@/lib/session';
import { formatDateTime } from '@/lib/format';
import { usePledges, type Pledge, type PledgeStatus } from '../api/get-pledges';
import { PledgeStatusTag } from '../components/StatusTag';
import { describeSupport } from '../components/text';

const STATUSES: PledgeStatus[] = ['submitted', 'accepted', 'fulfilled', 'declined', 'withdrawn'];

export function PledgesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isStaff = me.role === 'staff';
  const status = (params.get('status') ?? (isStaff ? 'submitted' : 'all')) as PledgeStatus | 'all';
  const needId = params.get('need_id') ?? undefined;
  const partnerId = params.get('partner_id') ?? undefined;
  const pledges = usePledges({ status: status === 'all' ? undefined : status, need_id: needId, partner_id: partnerId });
  const items = pledges.data?.pages.flatMap((p) => p.items) ?? [];
  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('status', value);
    setParams(next);
  };
  const filter = (
    <Segmented
      value={status}
      onChange={(v) => setStatus(String(v))}
      options={[...STATUSES, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('support.all') : t(`support.pledgeStatus.${s}`) }))}
      style={{ maxWidth: '100%', overflowX: 'auto' }}
    />
  );
  const foot = (
    <LoadMore hasMore={!!pledges.hasNextPage} loading={pledges.isFetchingNextPage} count={items.length} onLoad={() => void pledges.fetchNextPage()} />
  );

  if (!isStaff) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="pledges-page">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('support.myPledges')}
          </Typography.Title>
          <LinkButton to="/pledges/new" type="primary">
            {t('support.newPledge')}
          </LinkButton>
        </Space>
        {filter}
        <List
          loading={pledges.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('support.noPledges')} /> }}
          renderItem={(p: Pledge) => (
            <List.Item>
              <Card size="small" style={{ width: '100%' }} hoverable onClick={() => navigate(`/pledges/${p.id}`)} data-testid="pledge-card">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong>{p.need_title ?? t('support.ownInitiative')}</Typography.Text>
                    <PledgeStatusTag status={p.status} />
                  </Space>
                  <Typography.Text>{describeSupport(t, i18n.language, p.support)}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(p.created_at, i18n.language)}</Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
        {foot}
      </Space>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="pledges-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('support.pledgesTitle')}
      </Typography.Title>
      {filter}
      <Table<Pledge>
        rowKey="id"
        loading={pledges.isLoading}
        dataSource={items}
        pagination={false}
        onRow={(p) =>
          ({ onClick: () => navigate(`/pledges/${p.id}`), style: { cursor: 'pointer' }, 'data-testid': 'pledge-row' }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('support.partner'), dataIndex: 'partner_name' },
          { title: t('support.need'), render: (_, p) => p.need_title ?? t('support.ownInitiative') },
          { title: t('support.kindLabel'), render: (_, p) => t(`support.kind.${p.support.kind}`) },
          { title: t('support.content'), render: (_, p) => describeSupport(t, i18n.language, p.support) },
          { title: t('support.status'), render: (_, p) => <PledgeStatusTag status={p.status} /> },
          { title: t('support.submittedAt'), render: (_, p) => formatDateTime(p.created_at, i18n.language) },
        ]}
        locale={{ emptyText: <Empty description={t('support.noPledges')} /> }}
      />
      {foot}
    </Space>
  );
}
