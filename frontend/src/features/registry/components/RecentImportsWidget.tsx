// Staff home: the user's own imports (and checks) that have finished, newest first — each a link
// to its report on the import page, with what it did and when.
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListWidget } from '@/components/ListWidget';
import { formatDateTime, formatRecent } from '@/lib/format';
import { useMyImports } from '../api/get-imports';
import { describeImport } from './importText';
import { ImportStatusTag } from './ImportStatusTag';

export function RecentImportsWidget() {
  const { t, i18n } = useTranslation();
  const imports = useMyImports();
  const finished = (imports.data?.items ?? []).filter((job) => job.status !== 'running');
  return (
    <ListWidget
      title={t('home.recentImports')}
      link="/registry/import"
      linkLabel={t('home.toImport')}
      loading={imports.isLoading}
      testId="recent-imports"
      itemTestId="recent-import"
      empty={t('home.noImports')}
      items={finished.map((job) => {
        const at = job.finished_at ?? job.created_at;
        return {
          key: job.id,
          to: `/registry/import?id=${job.id}`,
          label: job.file_name || t('registry.import.unnamed'),
          note: <ImportStatusTag job={job} />,
          detail: (
            <Space size={[12, 0]} wrap>
              <Typography.Text>{describeImport(t, job)}</Typography.Text>
              <Typography.Text type="secondary">
                <time dateTime={at} title={formatDateTime(at, i18n.language)}>
                  {formatRecent(at, i18n.language)}
                </time>
              </Typography.Text>
            </Space>
          ),
        };
      })}
    />
  );
}
