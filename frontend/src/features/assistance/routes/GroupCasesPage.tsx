// 本组帮扶 (group leader, phone): the assistance cases of the leader's group that staff chose to
// share — when the family agreed — so the leader knows whom to look in on: what was applied for,
// where it stands, who applied and where they live. Nothing more (no amounts, no notes, and no
// case page: the details stay with the office).
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useCases } from '../api/get-cases';
import { StatusTag } from '../components/CaseTags';
import { familyStatusText } from '../components/text';

export function GroupCasesPage() {
  const { t, i18n } = useTranslation();
  const cases = useCases({});
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PageShell title={t('assistance.group.title')} intro={t('assistance.group.intro')} loading={cases.isLoading} testId="group-cases-page" bare>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rows.length === 0 && (
          <Typography.Paragraph type="secondary" data-testid="group-cases-empty">
            {t('assistance.group.none')}
          </Typography.Paragraph>
        )}
        {rows.map((c) => (
          <Card key={c.id} size="small" data-testid="group-case">
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong style={{ fontSize: '1.15em' }}>
                {c.kind_name}
              </Typography.Text>
              <Space wrap size={6}>
                <StatusTag status={c.status} />
                {/* The step it is at; a finished case's tag says it all. */}
                {c.status === 'open' && <span data-testid="group-case-state">{familyStatusText(t, c, i18n.language)}</span>}
              </Space>
              <span>{t('assistance.my.applicant', { name: c.applicant_name })}</span>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {c.address}
              </Typography.Text>
            </Space>
          </Card>
        ))}
        <LoadMore hasMore={!!cases.hasNextPage} loading={cases.isFetchingNextPage} count={rows.length} onLoad={() => void cases.fetchNextPage()} />
      </Space>
    </PageShell>
  );
}
