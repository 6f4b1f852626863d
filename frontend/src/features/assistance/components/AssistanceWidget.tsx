// Staff home: 帮扶案件 — how many open cases are past their step's deadline and how many approved
// cases are due for review, the most overdue few listed, each leading to its case.
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { useCasesPeek } from '../api/get-cases';
import { deadlineText } from './text';

const PEEK = 100;

export function AssistanceWidget() {
  const { t } = useTranslation();
  const overdue = useCasesPeek({ overdue: true, status: 'open' }, PEEK);
  const reviews = useCasesPeek({ review_due: true }, PEEK);
  const count = (page?: { items: unknown[]; next_cursor?: string | null }) => (page ? `${page.items.length}${page.next_cursor ? '+' : ''}` : '…');
  const items = overdue.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={0}>
      <ListWidget
        title={
          <span data-testid="assistance-widget-title">
            {t('assistance.widget.title')} · {t('assistance.widget.overdue', { n: count(overdue.data) })}
          </span>
        }
        link="/assistance/cases?overdue=1"
        linkLabel={t('assistance.widget.all')}
        loading={overdue.isLoading}
        testId="assistance-widget"
        itemTestId="assistance-widget-item"
        empty={t('assistance.widget.nothingOverdue')}
        items={items.map((c) => ({
          key: c.id,
          to: `/assistance/cases/${c.id}`,
          label: `${c.applicant_name} · ${c.kind_name}`,
          note: <Typography.Text type="danger">{deadlineText(t, c.working_days_left)}</Typography.Text>,
        }))}
      />
      <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="assistance-widget-reviews">
        <Link to="/assistance/reviews">{t('assistance.widget.reviews', { n: count(reviews.data) })}</Link>
      </Typography.Paragraph>
    </Space>
  );
}
