// The import wizard: template → upload and check (dry run) → confirm → progress → result.
// With `?id=` (the staff home links each finished import here) it shows that import's report.
import { useState } from 'react';
import { Alert, Button, Descriptions, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/api/problem';
import { useReportError } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { DataList } from '@/components/DataList';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { downloadTemplate } from '../api/download';
import { useCreateImport, type RegistryImport } from '../api/create-import';
import { useImport, waitForImport } from '../api/get-import';
import { ImportStatusTag } from '../components/ImportStatusTag';

type RowError = RegistryImport['errors'][number];

export function ImportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = params.get('id');
  if (id) {
    return (
      <PageShell
        title={t('registry.import.title')}
        testId="import-page"
        actions={
          <LinkButton to="/registry/import" data-testid="import-new">
            {t('registry.import.newImport')}
          </LinkButton>
        }
      >
        <PastImport id={id} />
      </PageShell>
    );
  }
  return <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const report = useReportError();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<RegistryImport | null>(null);
  const [result, setResult] = useState<RegistryImport | null>(null);
  const create = useCreateImport();

  const follow = async (job: RegistryImport) => {
    let current = job;
    setResult(current);
    while (current.status === 'running') {
      current = await waitForImport(current.id);
      setResult(current);
    }
    // New residents, and the import among the user's finished ones on the home page.
    void queryClient.invalidateQueries({ queryKey: ['registry'] });
  };
  const runCheck = async () => {
    if (!file) return;
    setResult(null);
    const job = await create.mutateAsync({ file, dryRun: true }).catch((e) => {
      report(e);
      return null;
    });
    if (!job) return;
    setCheck(job);
    let current = job;
    while (current.status === 'running') {
      current = await waitForImport(current.id);
      setCheck(current);
    }
    void queryClient.invalidateQueries({ queryKey: ['registry', 'imports'] });
  };
  const runImport = async () => {
    if (!file) return;
    const job = await create.mutateAsync({ file, dryRun: false }).catch((e) => {
      report(e);
      return null;
    });
    if (job) await follow(job);
  };
  const step = result ? 2 : check ? 1 : 0;
  const checked = check && check.status !== 'running';

  return (
    <PageShell title={t('registry.import.title')} testId="import-page">
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Steps
          current={step}
          items={[{ title: t('registry.import.stepUpload') }, { title: t('registry.import.stepCheck') }, { title: t('registry.import.stepImport') }]}
        />
        <Space wrap>
          <Typography.Text>{t('registry.import.template')}</Typography.Text>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadTemplate('xlsx').catch(report)} data-testid="template-xlsx">
            Excel (.xlsx)
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadTemplate('csv').catch(report)} data-testid="template-csv">
            CSV
          </Button>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setCheck(null);
            setResult(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setCheck(null);
            setResult(null);
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('registry.import.drop')}</p>
          <p className="ant-upload-hint">{t('registry.import.hint')}</p>
        </Upload.Dragger>
        <Button type="primary" disabled={!file} loading={create.isPending && !check} onClick={() => void runCheck()} data-testid="import-check">
          {t('registry.import.check')}
        </Button>
        {check && check.status === 'running' && (
          <Progress percent={Math.round((check.processed_rows / Math.max(check.total_rows, 1)) * 100)} aria-label={t('registry.import.check')} />
        )}
        {checked && <Report job={check} />}
        {checked && check.status === 'validated' && !result && (
          <Button type="primary" onClick={() => void runImport()} loading={create.isPending} data-testid="import-confirm">
            {t('registry.import.confirm', { count: check.residents_created })}
          </Button>
        )}
        {result && result.status === 'running' && (
          <Progress
            percent={Math.round((result.processed_rows / Math.max(result.total_rows, 1)) * 100)}
            aria-label={t('registry.import.title')}
            data-testid="import-progress"
          />
        )}
        {result && result.status === 'imported' && <Imported job={result} />}
        {result && result.status === 'failed' && <Report job={result} />}
        {result && result.status === 'interrupted' && <Alert type="warning" showIcon message={t('registry.import.interrupted')} />}
      </Space>
    </PageShell>
  );
}

/** An import that was started earlier: what, when, and its report. */
function PastImport({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useImport(id);
  if (query.isLoading) return <Progress percent={0} showInfo={false} status="active" aria-label={t('registry.import.title')} />;
  if (query.error || !query.data) return <Alert type="error" showIcon message={problemMessage(t, query.error)} />;
  const job = query.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="past-import">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: 'file',
            label: t('registry.import.file'),
            children: <span style={{ overflowWrap: 'anywhere' }}>{job.file_name || t('registry.import.unnamed')}</span>,
          },
          { key: 'status', label: t('registry.import.statusLabel'), children: <ImportStatusTag job={job} /> },
          { key: 'started', label: t('registry.import.startedAt'), children: formatDateTime(job.created_at, i18n.language) },
          ...(job.finished_at ? [{ key: 'finished', label: t('registry.import.finishedAt'), children: formatDateTime(job.finished_at, i18n.language) }] : []),
        ]}
      />
      {job.status === 'running' && (
        <Progress percent={Math.round((job.processed_rows / Math.max(job.total_rows, 1)) * 100)} aria-label={t('registry.import.title')} />
      )}
      {job.status === 'imported' && <Imported job={job} />}
      {(job.status === 'validated' || job.status === 'failed') && <Report job={job} />}
      {job.status === 'validated' && <Alert type="info" showIcon message={t('registry.import.checkOnly')} />}
      {job.status === 'interrupted' && <Alert type="warning" showIcon message={t('registry.import.interrupted')} />}
    </Space>
  );
}

function Imported({ job }: { job: RegistryImport }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={<span data-testid="import-done">{t('registry.import.done')}</span>}
      subTitle={t('registry.import.summary', {
        households: job.households_created,
        residents: job.residents_created,
        skipped: job.residents_skipped,
      })}
      extra={<Link to="/registry/residents">{t('registry.residents')}</Link>}
    />
  );
}

function Report({ job }: { job: RegistryImport }) {
  const { t } = useTranslation();
  if (job.errors.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="import-report-ok"
        message={t('registry.import.checkedOk', { rows: job.total_rows })}
        description={t('registry.import.summary', { households: job.households_created, residents: job.residents_created, skipped: job.residents_skipped })}
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="error" showIcon message={t('registry.import.hasErrors', { count: job.errors.length })} description={t('registry.import.nothingWritten')} />
      <DataList<RowError>
        testId="import-errors"
        itemTestId="import-error"
        rows={job.errors}
        rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
        pageSize={20}
        card={(e) => (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text strong>
              {e.row > 0 ? t('registry.import.rowNumber', { row: e.row }) : t('registry.import.wholeFile')}
              {e.field && ` · ${e.field}`}
            </Typography.Text>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{e.message}</Typography.Text>
          </Space>
        )}
        columns={[
          { title: t('registry.import.row'), dataIndex: 'row', width: 80, render: (row: number) => (row > 0 ? row : t('registry.import.wholeFile')) },
          { title: t('registry.import.column'), dataIndex: 'field', width: 120 },
          { title: t('registry.import.problem'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}
