// 我家的申请 (resident, phone): the household's assistance cases — what was applied for and where
// it stands in plain words ("街道初审中", "已批准，每月¥680.00，自2026年12月起发放"), each
// leading to its progress.
import { Card, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageShell } from '@/components/PageShell';
import { useCaseDetails } from '../api/get-case';
import { useCases, type CaseSummary } from '../api/get-cases';
import { StatusTag } from '../components/CaseTags';
import { familyStatusText, formatDay } from '../components/text';

export function MyCasesPage() {
  const { t, i18n } = useTranslation();
  const cases = useCases({});
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  // A list carries nothing financial; the approved ones are read in full for their amount.
  const approved = useCaseDetails(rows.filter((c) => c.status === 'approved').map((c) => c.id));
  const detailOf = (c: CaseSummary) => approved.find((q) => q.data?.id === c.id)?.data;
  return (
    <PageShell title={t('assistance.my.title')} intro={t('assistance.my.intro')} loading={cases.isLoading} testId="my-cases-page" bare>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rows.length === 0 && <Typography.Paragraph>{t('assistance.my.none')}</Typography.Paragraph>}
        {rows.map((c) => (
          <Card key={c.id} size="small" data-testid="my-case">
            <Link to={`/my/cases/${c.id}`} style={{ display: 'flex', alignItems: 'center', gap: 12, color: 'inherit', minHeight: 44 }}>
              <Space direction="vertical" size={2} style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ fontSize: '1.15em' }}>
                  {c.kind_name}
                </Typography.Text>
                <Space wrap size={6}>
                  <StatusTag status={c.status} />
                  <span data-testid="my-case-state">{familyStatusText(t, { ...c, ...detailOf(c) }, i18n.language)}</span>
                </Space>
                <Typography.Text type="secondary">
                  {t('assistance.my.applicant', { name: c.applicant_name })} · {t('assistance.my.openedOn', { day: formatDay(c.opened_on, i18n.language) })}
                </Typography.Text>
              </Space>
              <RightOutlined aria-hidden />
            </Link>
          </Card>
        ))}
      </Space>
    </PageShell>
  );
}
