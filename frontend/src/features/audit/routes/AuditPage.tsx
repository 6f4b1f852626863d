import { useState } from 'react';
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { DataList } from '@/components/DataList';
import { formatDateTime } from '@/lib/format';
import { useAuditLog, type AuditEntry, type AuditFilters } from '../api/get-audit';
import { AuditFiltersBar } from '../components/AuditFiltersBar';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <PageShell title={t('audit.title')} intro={t('audit.intro')} testId="audit-page">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <AuditFiltersBar onChange={setFilters} />
        {log.error && <Alert type="error" showIcon message={problemMessage(t, log.error)} />}
        <DataList<AuditEntry>
          testId="audit-table"
          itemTestId="audit-row"
          rowKey={(e) => e.id}
          loading={log.isLoading}
          rows={rows}
          empty={t('audit.empty')}
          card={(e) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Action action={e.action} />
                <Typography.Text type="secondary">{formatDateTime(e.at, i18n.language)}</Typography.Text>
              </Space>
              <Actor entry={e} />
              <Typography.Text type="secondary">
                {t('audit.entity')}：{t(`audit.entities.${e.entity_type}`, { defaultValue: e.entity_type })} · {t('audit.ip')}：{e.ip ?? '—'}
              </Typography.Text>
            </Space>
          )}
          columns={[
            { title: t('audit.time'), dataIndex: 'at', width: 200, render: (at: string) => formatDateTime(at, i18n.language) },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) => <Actor entry={e} />,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (action: string) => <Action action={action} />,
            },
            { title: t('audit.entity'), key: 'entity', render: (_, e) => t(`audit.entities.${e.entity_type}`, { defaultValue: e.entity_type }) },
            { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
            {
              title: t('audit.requestId'),
              dataIndex: 'request_id',
              width: 160,
              render: (id: string | null) =>
                id && (
                  <Typography.Text copyable={{ text: id }} className="xg-code">
                    {id.slice(-8)}
                  </Typography.Text>
                ),
            },
          ]}
        />
        <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} count={rows.length} onLoad={() => void log.fetchNextPage()} />
      </Space>
    </PageShell>
  );
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return entry.actor_username ? (
    <Space size={4}>
      <span>{entry.actor_username}</span>
      {entry.actor_role && <Tag>{t(`roles.${entry.actor_role}`, { defaultValue: entry.actor_role })}</Tag>}
    </Space>
  ) : (
    <Typography.Text type="secondary">{t('audit.noActor')}</Typography.Text>
  );
}

function Action({ action }: { action: string }) {
  const { t } = useTranslation();
  const bad = ['failed', 'reused', 'throttled', 'refused'].some((end) => action.endsWith(end));
  return <Tag color={bad ? 'red' : 'blue'}>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>;
}
