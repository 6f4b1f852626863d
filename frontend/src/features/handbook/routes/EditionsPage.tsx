// 手册版本 (staff): every edition of the handbook, the draft first — its number, title, state,
// when it was published and how many categories and entries it has. 新建草稿 copies the current
// edition; there is one draft at a time, so when one exists it is opened instead.
import { App, Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { DataList } from '@/components/DataList';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/lib/format';
import { useReportError } from '@/lib/forms';
import { useCreateEdition } from '../api/create-edition';
import { useEditions } from '../api/get-editions';
import type { EditionSummary } from '../api/types';
import { EditionStatus } from '../components/EditionStatus';
import { formatDay } from '../components/labels';

export function EditionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const editions = useEditions();
  const create = useCreateEdition();
  // The draft on top, then the newest editions.
  const rows = [...(editions.data ?? [])].sort((a, b) => (a.status === b.status ? b.number - a.number : a.status === 'draft' ? -1 : 1));
  const href = (e: { id: string }) => `/handbook/editions/${e.id}`;
  const name = (e: EditionSummary) => t('handbook.editionNumber', { number: e.number });
  const published = (e: EditionSummary) => (e.published_on ? formatDay(e.published_on, i18n.language) : '—');
  const counts = (e: EditionSummary) => t('handbook.counts', { categories: e.categories, entries: e.entries });

  const newDraft = async () => {
    try {
      const draft = await create.mutateAsync();
      void message.success(t('handbook.draftCreated'));
      navigate(href(draft));
    } catch (error) {
      if (error instanceof ApiProblem && error.code === 'duplicate') {
        // One draft at a time: open the one there is.
        const fresh = await editions.refetch();
        const draft = fresh.data?.find((e) => e.status === 'draft');
        void message.info(t('handbook.draftExists'));
        if (draft) navigate(href(draft));
        return;
      }
      report(error);
    }
  };

  return (
    <PageShell
      title={t('handbook.editionsTitle')}
      intro={t('handbook.editionsIntro')}
      testId="editions-page"
      bare
      actions={
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined aria-hidden />}
          loading={create.isPending}
          onClick={() => void newDraft()}
          data-testid="new-draft"
        >
          {t('handbook.newDraft')}
        </Button>
      }
    >
      <DataList<EditionSummary>
        rows={rows}
        rowKey={(e) => e.id}
        href={href}
        loading={editions.isLoading}
        empty={t('handbook.noEditions')}
        testId="editions"
        itemTestId="edition-row"
        columns={[
          {
            title: t('handbook.edition'),
            key: 'number',
            render: (_, e) => (
              <Link to={href(e)} data-testid="edition-link">
                {name(e)}
              </Link>
            ),
          },
          { title: t('handbook.editionTitle'), key: 'title', render: (_, e) => e.title },
          { title: t('handbook.statusLabel'), key: 'status', render: (_, e) => <EditionStatus status={e.status} /> },
          { title: t('handbook.publishedOn'), key: 'published_on', render: (_, e) => published(e) },
          { title: t('handbook.countsLabel'), key: 'counts', render: (_, e) => counts(e) },
          { title: t('handbook.updatedAt'), key: 'updated_at', render: (_, e) => formatDateTime(e.updated_at, i18n.language) },
        ]}
        card={(e) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Link to={href(e)} data-testid="edition-link">
                <Typography.Text strong>{name(e)}</Typography.Text>
              </Link>
              <EditionStatus status={e.status} />
            </Space>
            <span>{e.title}</span>
            <Typography.Text type="secondary">
              {t('handbook.publishedOn')}：{published(e)} · {counts(e)}
            </Typography.Text>
          </Space>
        )}
      />
    </PageShell>
  );
}
