// Staff: the pledge review queue and every pledge by status. Partner: my pledges.
import { Card, Segmented, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { useMe } from '@/lib/session';
import { DataList } from '@/components/DataList';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/lib/format';
import { usePledges, type Pledge, type PledgeStatus } from '../api/get-pledges';
import { PledgeStatusTag } from '../components/StatusTag';
import { describeSupport } from '../components/text';

const STATUSES: PledgeStatus[] = ['submitted', 'accepted', 'fulfilled', 'declined', 'withdrawn'];

export function PledgesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
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

  const title = (p: Pledge) => (
    <Link to={`/pledges/${p.id}`} style={{ fontWeight: 600 }}>
      {isStaff ? p.partner_name : (p.need_title ?? t('support.ownInitiative'))}
    </Link>
  );
  return (
    <PageShell
      title={isStaff ? t('support.pledgesTitle') : t('support.myPledges')}
      testId="pledges-page"
      bare
      stickyAction={
        !isStaff && (
          <LinkButton type="primary" to="/pledges/new" data-testid="new-pledge">
            {t('support.newPledge')}
          </LinkButton>
        )
      }
    >
      {filter}
      <Card size={isStaff ? 'default' : 'small'} styles={{ body: { padding: isStaff ? undefined : 8 } }}>
        <DataList<Pledge>
          testId="pledge-list"
          itemTestId={isStaff ? 'pledge-row' : 'pledge-card'}
          cards={isStaff ? undefined : true}
          rows={items}
          rowKey={(p) => p.id}
          loading={pledges.isLoading}
          empty={t('support.noPledges')}
          href={(p) => `/pledges/${p.id}`}
          card={(p) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
                {title(p)}
                <PledgeStatusTag status={p.status} />
              </Space>
              {isStaff && <Typography.Text>{p.need_title ?? t('support.ownInitiative')}</Typography.Text>}
              <Typography.Text>{describeSupport(t, i18n.language, p.support)}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(p.created_at, i18n.language)}</Typography.Text>
            </Space>
          )}
          columns={[
            { title: t('support.partner'), render: (_, p) => title(p) },
            { title: t('support.need'), render: (_, p) => p.need_title ?? t('support.ownInitiative') },
            { title: t('support.kindLabel'), render: (_, p) => t(`support.kind.${p.support.kind}`) },
            { title: t('support.content'), render: (_, p) => describeSupport(t, i18n.language, p.support) },
            { title: t('support.status'), render: (_, p) => <PledgeStatusTag status={p.status} /> },
            { title: t('support.submittedAt'), render: (_, p) => formatDateTime(p.created_at, i18n.language) },
          ]}
        />
      </Card>
      {foot}
    </PageShell>
  );
}
