// 求助工单 (staff): the queue of requests as the server orders it — open ones by the time they have
// left, then finished ones newest first — with filters (status, category, overdue, assignee,
// group, unassigned, words or number). Each request shows its number, category, what it is about,
// who called (phone masked), the group, who handles it and the time left: red "已超时…", orange
// under a day, green otherwise, and 已督办 when the street office is following it up. The filters
// live in the address, so the home widget's counts lead to the queue filtered.
import { useMemo } from 'react';
import { Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useMe } from '@/lib/session';
import { useColleagues } from '../api/get-colleagues';
import { useGroups } from '../api/get-groups';
import { useHandbook } from '../api/get-handbook';
import { useRequests } from '../api/get-requests';
import type { RequestFilters, RequestStatus, RequestSummary } from '../api/types';
import { AlertTags, KindTag, StatusTag, TimeLeftTag } from '../components/RequestTags';
import { staffChoices, STATUSES } from '../components/text';

export function RequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const handbook = useHandbook();
  const colleagues = useColleagues();
  const groups = useGroups();
  const filters: RequestFilters = useMemo(
    () => ({
      status: (params.get('status') as RequestStatus | null) ?? undefined,
      category: params.get('category') ?? undefined,
      overdue: params.get('overdue') === '1' || undefined,
      unassigned: params.get('unassigned') === '1' || undefined,
      escalated: params.get('escalated') === '1' || undefined,
      followup_due: params.get('followup_due') === '1' || undefined,
      assignee_id: params.get('assignee') ?? undefined,
      group_id: params.get('group') ?? undefined,
      q: params.get('q') ?? undefined,
    }),
    [params],
  );
  const requests = useRequests(filters);
  const rows = requests.data?.pages.flatMap((p) => p.items) ?? [];
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
  const assignees = staffChoices(colleagues.data ?? [], { value: me.id, label: t('helpRequests.me', { name: me.display_name }) });

  return (
    <PageShell
      title={t('helpRequests.queue.title')}
      intro={t('helpRequests.queue.intro')}
      testId="requests-page"
      bare
      actions={
        <LinkButton to="/help-requests/intake" type="primary" size="large" icon={<PhoneOutlined aria-hidden />} data-testid="open-intake">
          {t('helpRequests.intake.title')}
        </LinkButton>
      }
    >
      <Form layout="vertical" component="div" data-testid="request-filters">
        <Space wrap size={[16, 0]} align="end">
          <Form.Item label={t('helpRequests.queue.search')} htmlFor="request-filter-q">
            <Input.Search
              id="request-filter-q"
              size="large"
              allowClear
              defaultValue={filters.q}
              key={filters.q ?? ''}
              placeholder={t('helpRequests.queue.searchHint')}
              onSearch={(q) => set('q', q.trim() || undefined)}
              style={{ width: 260, maxWidth: '100%' }}
              data-testid="filter-q"
            />
          </Form.Item>
          <Form.Item label={t('helpRequests.queue.status')} htmlFor="request-filter-status" style={{ minWidth: 150 }}>
            <Select
              id="request-filter-status"
              size="large"
              allowClear
              placeholder={t('helpRequests.queue.any')}
              value={filters.status}
              onChange={(v?: string) => set('status', v)}
              options={STATUSES.map((s) => ({ value: s, label: t(`helpRequests.status.${s}`) }))}
              data-testid="filter-status"
            />
          </Form.Item>
          <Form.Item label={t('helpRequests.queue.category')} htmlFor="request-filter-category" style={{ minWidth: 180 }}>
            <Select
              id="request-filter-category"
              size="large"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('helpRequests.queue.any')}
              value={filters.category}
              onChange={(v?: string) => set('category', v)}
              loading={handbook.isLoading}
              options={(handbook.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
              data-testid="filter-category"
            />
          </Form.Item>
          <Form.Item label={t('helpRequests.queue.assignee')} htmlFor="request-filter-assignee" style={{ minWidth: 160 }}>
            <Select
              id="request-filter-assignee"
              size="large"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('helpRequests.queue.anyone')}
              value={filters.assignee_id}
              onChange={(v?: string) => set('assignee', v)}
              loading={colleagues.isLoading}
              options={assignees}
              data-testid="filter-assignee"
            />
          </Form.Item>
          <Form.Item label={t('helpRequests.queue.group')} htmlFor="request-filter-group" style={{ minWidth: 130 }}>
            <Select
              id="request-filter-group"
              size="large"
              allowClear
              placeholder={t('helpRequests.queue.any')}
              value={filters.group_id}
              onChange={(v?: string) => set('group', v)}
              loading={groups.isLoading}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: t('helpRequests.groupNumber', { n: g.number }) }))}
              data-testid="filter-group"
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Checkbox {...flag('overdue')} data-testid="filter-overdue">
                {t('helpRequests.queue.overdueOnly')}
              </Checkbox>
              <Checkbox {...flag('unassigned')} data-testid="filter-unassigned">
                {t('helpRequests.queue.unassignedOnly')}
              </Checkbox>
              <Checkbox {...flag('escalated')} data-testid="filter-escalated">
                {t('helpRequests.queue.escalatedOnly')}
              </Checkbox>
              <Checkbox {...flag('followup_due')} data-testid="filter-followup-due">
                {t('helpRequests.queue.followupDueOnly')}
              </Checkbox>
            </Space>
          </Form.Item>
        </Space>
      </Form>
      <RequestList rows={rows} loading={requests.isLoading} />
      <LoadMore hasMore={!!requests.hasNextPage} loading={requests.isFetchingNextPage} count={rows.length} onLoad={() => void requests.fetchNextPage()} />
    </PageShell>
  );
}

function RequestList({ rows, loading }: { rows: RequestSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const href = (r: RequestSummary) => `/help-requests/${r.id}`;
  const caller = (r: RequestSummary) => (r.caller_phone ? `${r.caller_name} · ${r.caller_phone}` : r.caller_name);
  const group = (r: RequestSummary) => (r.group_number != null ? t('helpRequests.groupNumber', { n: r.group_number }) : '—');
  const assignee = (r: RequestSummary) => r.assignee_name ?? t('helpRequests.nobody');
  const clock = (r: RequestSummary) => (
    <Space wrap size={4}>
      <TimeLeftTag row={r} />
      <AlertTags row={r} />
      <StatusTag status={r.status} />
    </Space>
  );
  return (
    <DataList<RequestSummary>
      rows={rows}
      rowKey={(r) => r.id}
      loading={loading}
      empty={t('helpRequests.queue.none')}
      testId="request-list"
      itemTestId="request-row"
      href={href}
      rowClassName={(r) => (r.overdue ? 'xg-row-alert' : undefined)}
      columns={[
        {
          title: t('helpRequests.number'),
          key: 'number',
          render: (_, r) => (
            <Link to={href(r)} data-testid="request-number">
              {r.number}
            </Link>
          ),
        },
        {
          title: t('helpRequests.queue.category'),
          key: 'category',
          render: (_, r) => (
            <Space direction="vertical" size={2}>
              <KindTag kind={r.kind} />
              <span>{r.category_name}</span>
            </Space>
          ),
        },
        {
          title: t('helpRequests.description'),
          key: 'description',
          render: (_, r) => <div style={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{r.description}</div>,
        },
        { title: t('helpRequests.caller'), key: 'caller', render: (_, r) => caller(r) },
        { title: t('helpRequests.queue.group'), key: 'group', render: (_, r) => group(r) },
        { title: t('helpRequests.queue.assignee'), key: 'assignee', render: (_, r) => assignee(r) },
        { title: t('helpRequests.queue.timeLeft'), key: 'left', render: (_, r) => clock(r) },
      ]}
      card={(r) => (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <Link to={href(r)} style={{ fontSize: 18 }} data-testid="request-number">
              {r.number}
            </Link>
            <KindTag kind={r.kind} />
            <span>{r.category_name}</span>
          </Space>
          <span style={{ overflowWrap: 'anywhere' }}>{r.description}</span>
          <span>
            {caller(r)} · {group(r)}
          </span>
          {clock(r)}
          <Typography.Text type="secondary">
            {t('helpRequests.queue.assignee')}：{assignee(r)}
          </Typography.Text>
        </Space>
      )}
    />
  );
}
