// 帮扶案件 (staff): every case of the community, overdue first — a filter bar (status, kind,
// overdue, review due, mine), each case with its kind, applicant, household, the step it is at and
// who acts there, the deadline in working days and the assignee. Overdue rows are flagged by a
// red bar and by the words "已超期…".
import { useMemo } from 'react';
import { Checkbox, Form, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useCases, type CaseFilters, type CaseSummary } from '../api/get-cases';
import { DeadlineCell, KindTag, StatusTag } from '../components/CaseTags';
import { CASE_KINDS, CASE_STATUSES, shortStepName } from '../components/text';

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === '1';
  const filters: CaseFilters = useMemo(
    () => ({
      status: (params.get('status') as CaseFilters['status']) ?? undefined,
      kind: (params.get('kind') as CaseFilters['kind']) ?? undefined,
      overdue: params.get('overdue') === '1' || undefined,
      review_due: params.get('review_due') === '1' || undefined,
      assignee_id: mine ? me.id : undefined,
    }),
    [params, mine, me.id],
  );
  const cases = useCases(filters);
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const flag = (key: string) => ({
    checked: params.get(key) === '1',
    onChange: (e: { target: { checked: boolean } }) => set(key, e.target.checked ? '1' : undefined),
  });

  return (
    <PageShell
      title={t('assistance.cases.title')}
      intro={t('assistance.cases.intro')}
      testId="cases-page"
      bare
      actions={
        <LinkButton to="/assistance/cases/new" type="primary" size="large" icon={<PlusOutlined aria-hidden />} data-testid="new-case">
          {t('assistance.cases.new')}
        </LinkButton>
      }
    >
      <Form layout="vertical" component="div" data-testid="case-filters">
        <Space wrap size={[16, 0]} align="end">
          <Form.Item label={t('assistance.cases.status')} htmlFor="case-filter-status" style={{ minWidth: 160 }}>
            <Select
              id="case-filter-status"
              size="large"
              allowClear
              placeholder={t('assistance.cases.anyStatus')}
              value={filters.status}
              onChange={(v?: string) => set('status', v)}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`assistance.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('assistance.cases.kind')} htmlFor="case-filter-kind" style={{ minWidth: 200 }}>
            <Select
              id="case-filter-kind"
              size="large"
              allowClear
              placeholder={t('assistance.cases.anyKind')}
              value={filters.kind}
              onChange={(v?: string) => set('kind', v)}
              options={CASE_KINDS.map((k) => ({ value: k, label: t(`assistance.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Checkbox {...flag('overdue')} data-testid="filter-overdue">
                {t('assistance.cases.overdueOnly')}
              </Checkbox>
              <Checkbox {...flag('review_due')}>{t('assistance.cases.reviewDue')}</Checkbox>
              <Checkbox {...flag('mine')} data-testid="filter-mine">
                {t('assistance.cases.mine')}
              </Checkbox>
            </Space>
          </Form.Item>
        </Space>
      </Form>
      <CaseList rows={rows} loading={cases.isLoading} />
      <LoadMore hasMore={!!cases.hasNextPage} loading={cases.isFetchingNextPage} count={rows.length} onLoad={() => void cases.fetchNextPage()} />
    </PageShell>
  );
}

function CaseList({ rows, loading }: { rows: CaseSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const href = (c: CaseSummary) => `/assistance/cases/${c.id}`;
  const household = (c: CaseSummary) => t('assistance.cases.household', { address: c.address, group: c.group_number });
  const step = (c: CaseSummary) =>
    c.status === 'open' ? (
      <Space direction="vertical" size={0}>
        <span>{shortStepName(c.step_name)}</span>
        <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
          {t('assistance.cases.whoActs', { body: c.step_body })}
        </Typography.Text>
      </Space>
    ) : (
      <StatusTag status={c.status} />
    );
  return (
    <DataList<CaseSummary>
      rows={rows}
      rowKey={(c) => c.id}
      loading={loading}
      empty={t('assistance.cases.none')}
      testId="case-list"
      itemTestId="case-row"
      href={href}
      rowClassName={(c) => (c.overdue ? 'xg-row-alert' : undefined)}
      columns={[
        { title: t('assistance.cases.kind'), key: 'kind', render: (_, c) => <KindTag name={c.kind_name} /> },
        {
          title: t('assistance.cases.applicant'),
          key: 'applicant',
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <Link to={href(c)}>{c.applicant_name}</Link>
              {c.conflict && <Typography.Text type="warning">{t('assistance.conflict.flag')}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('assistance.cases.householdTitle'), key: 'household', render: (_, c) => household(c) },
        { title: t('assistance.cases.step'), key: 'step', render: (_, c) => step(c) },
        { title: t('assistance.cases.deadline'), key: 'deadline', render: (_, c) => <DeadlineCell row={c} /> },
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
          <span>{household(c)}</span>
          {step(c)}
          <DeadlineCell row={c} />
          <Typography.Text type="secondary">
            {t('assistance.cases.assignee')}：{c.assignee_name ?? t('assistance.cases.nobody')}
          </Typography.Text>
        </Space>
      )}
    />
  );
}
