import { useState } from 'react';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
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
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={log.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('audit.empty') }}
          columns={[
            { title: t('audit.time'), dataIndex: 'at', width: 200, render: (at: string) => formatDateTime(at, i18n.language) },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) =>
                e.actor_username ? (
                  <Space size={4}>
                    <span>{e.actor_username}</span>
                    {e.actor_role && <Tag>{t(`roles.${e.actor_role}`, { defaultValue: e.actor_role })}</Tag>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('audit.noActor')}</Typography.Text>
                ),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (action: string) => (
                <Tag
                  color={action.endsWith('failed') || action.endsWith('reused') || action.endsWith('throttled') || action.endsWith('refused') ? 'red' : 'blue'}
                >
                  {t(`audit.actions.${action}`, { defaultValue: action })}
                </Tag>
              ),
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
