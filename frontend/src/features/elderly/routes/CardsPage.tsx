// 优待证登记 (staff): the autumn batch — everyone turning 60 or 70 this year without a card is
// registered at once (the counts shown first, then how many were added and how many had one) —
// the applications waiting for their card (登记发证 on each), the cards issued, and the lists for
// the county office as spreadsheets (申请名单, 发证名单).
import { useState } from 'react';
import { Alert, App, Button, Card, Segmented, Space, Typography, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KeyboardPopconfirm } from '@/components/KeyboardPopconfirm';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useReportError } from '@/lib/forms';
import { useBatchCards, type CardBatch } from '../api/batch-cards';
import { downloadCards, type CardStatus } from '../api/export-cards';
import { useElderly } from '../api/get-elderly';
import { useElderlySummary } from '../api/get-elderly-summary';
import { ResidentList } from '../components/ResidentList';

export function CardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const summary = useElderlySummary();
  const batch = useBatchCards();
  const [result, setResult] = useState<CardBatch | null>(null);
  const [tab, setTab] = useState<CardStatus>('applied');
  // Without an age: every application and card, those registered before their 60th birthday too.
  const list = useElderly({ card: tab });
  const rows = list.data ?? [];
  const [exporting, setExporting] = useState<CardStatus | null>(null);
  const exportList = async (status: CardStatus) => {
    setExporting(status);
    try {
      await downloadCards(status, 'xlsx');
      void message.success(t('elderly.exported'));
    } catch (e) {
      report(e);
    } finally {
      setExporting(null);
    }
  };
  const s = summary.data;
  return (
    <PageShell
      title={t('elderly.cardsTitle')}
      testId="elderly-cards-page"
      bare
      actions={
        <>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exporting === 'applied'}
            onClick={() => void exportList('applied')}
            data-testid="export-applied"
          >
            {t('elderly.exportApplied')}
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exporting === 'issued'}
            onClick={() => void exportList('issued')}
            data-testid="export-issued"
          >
            {t('elderly.exportIssued')}
          </Button>
        </>
      }
    >
      <Card title={t('elderly.batchTitle')} size="small" loading={summary.isLoading} data-testid="card-batch">
        {s && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }} data-testid="turning-counts">
              {t('elderly.turningLine', { sixty: s.turning_60_this_year, seventy: s.turning_70_this_year })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('elderly.batchHint')}
            </Typography.Paragraph>
            <div>
              <KeyboardPopconfirm
                title={t('elderly.batchConfirm', { count: s.turning_60_this_year + s.turning_70_this_year })}
                okText={t('elderly.batchOk')}
                cancelText={t('elderly.cancel')}
                okButtonProps={{ 'data-testid': 'confirm-batch' } as ButtonProps}
                onConfirm={() => batch.mutate(undefined, { onSuccess: setResult, onError: (e) => report(e) })}
              >
                <Button type="primary" size="large" loading={batch.isPending} data-testid="batch-cards">
                  {t('elderly.batchButton')}
                </Button>
              </KeyboardPopconfirm>
            </div>
            {result && (
              <Alert
                type="success"
                showIcon
                role="status"
                message={t('elderly.batchResult', { created: result.created, already: result.already })}
                data-testid="batch-result"
              />
            )}
          </Space>
        )}
      </Card>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Segmented
              value={tab}
              onChange={(v) => setTab(v as CardStatus)}
              aria-label={t('elderly.card')}
              options={[
                { value: 'applied', label: <span data-testid="tab-applied">{t('elderly.pendingTab', { count: s?.cards_pending ?? 0 })}</span> },
                { value: 'issued', label: <span data-testid="tab-issued">{t('elderly.issuedTab')}</span> },
              ]}
            />
          </div>
          <ResidentList
            rows={rows}
            loading={list.isLoading}
            staff
            testId={`cards-${tab}`}
            empty={tab === 'applied' ? t('elderly.noPending') : t('elderly.noIssued')}
            foot={<LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} count={rows.length} onLoad={() => void list.fetchNextPage()} />}
          />
        </Space>
      </Card>
    </PageShell>
  );
}
