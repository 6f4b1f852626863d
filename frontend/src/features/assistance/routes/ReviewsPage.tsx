// 定期复核 (staff): approved cases whose review is due (低保 every 12 months, 6 when members can
// work), soonest first, each leading to the case where the review is recorded.
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { todayInCommunity } from '@/lib/dates';
import { useCases, type CaseSummary } from '../api/get-cases';
import { KindTag } from '../components/CaseTags';
import { formatDay } from '../components/text';

export function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const cases = useCases({ review_due: true });
  const rows = [...(cases.data?.pages.flatMap((p) => p.items) ?? [])].sort((a, b) => (a.next_review_on ?? '').localeCompare(b.next_review_on ?? ''));
  const today = todayInCommunity();
  const href = (c: CaseSummary) => `/assistance/cases/${c.id}`;
  const review = (c: CaseSummary) =>
    c.next_review_on ? (
      <span>
        {formatDay(c.next_review_on, i18n.language)}
        {c.next_review_on < today && <Typography.Text type="danger"> · {t('assistance.reviews.late')}</Typography.Text>}
      </span>
    ) : (
      '—'
    );
  return (
    <PageShell title={t('assistance.reviews.title')} intro={t('assistance.reviews.intro')} testId="reviews-page" bare>
      <DataList<CaseSummary>
        rows={rows}
        rowKey={(c) => c.id}
        loading={cases.isLoading}
        empty={t('assistance.reviews.none')}
        testId="review-list"
        itemTestId="review-row"
        href={href}
        columns={[
          { title: t('assistance.cases.kind'), key: 'kind', render: (_, c) => <KindTag name={c.kind_name} /> },
          { title: t('assistance.cases.applicant'), key: 'applicant', render: (_, c) => <Link to={href(c)}>{c.applicant_name}</Link> },
          {
            title: t('assistance.cases.householdTitle'),
            key: 'household',
            render: (_, c) => t('assistance.cases.household', { address: c.address, group: c.group_number }),
          },
          { title: t('assistance.reviews.nextReview'), key: 'review', render: (_, c) => review(c) },
          { title: t('assistance.cases.assignee'), key: 'assignee', render: (_, c) => c.assignee_name ?? t('assistance.cases.nobody') },
        ]}
        card={(c) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={8}>
              <KindTag name={c.kind_name} />
              <Link to={href(c)} style={{ fontSize: 18 }}>
                {c.applicant_name}
              </Link>
            </Space>
            <span>{t('assistance.cases.household', { address: c.address, group: c.group_number })}</span>
            <span>
              {t('assistance.reviews.nextReview')}：{review(c)}
            </span>
          </Space>
        )}
      />
      <LoadMore hasMore={!!cases.hasNextPage} loading={cases.isFetchingNextPage} count={rows.length} onLoad={() => void cases.fetchNextPage()} />
    </PageShell>
  );
}
