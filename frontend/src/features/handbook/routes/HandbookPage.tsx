// 居民手册 (everyone, mostly on a phone): the current edition — its categories as sections to
// open, each with the places to turn to as cards with a big 拨打 button. A search by words opens
// the sections that match and keeps only the matching cards. The PDF is the same edition to keep
// or to forward to family; staff also reach the printable booklet and the editions from here.
import { useId, useMemo, useState } from 'react';
import { Alert, Button, Collapse, Empty, Input, Space, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '@/api/problem';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { useReportError } from '@/lib/forms';
import { useMe } from '@/lib/session';
import { downloadHandbookPdf } from '../api/download-pdf';
import { useHandbook } from '../api/get-handbook';
import { EntryCard } from '../components/EntryCard';
import { filterHandbook, searchWords } from '../components/handbook';
import { formatDay } from '../components/labels';
import './handbook.css';

export function HandbookPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const report = useReportError();
  const handbook = useHandbook();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string[]>([]);
  const [downloading, setDownloading] = useState(false);
  const book = handbook.data;
  const searching = searchWords(query).length > 0;
  const shown = useMemo(() => filterHandbook(book?.categories ?? [], query), [book, query]);
  const found = shown.reduce((n, c) => n + c.entries.length, 0);
  const none = handbook.error instanceof ApiProblem && handbook.error.status === 404;
  const staff = me.role === 'staff';

  // Searching opens every matching section (the answer is what was asked for); clearing the
  // search folds them up again. Each can still be opened or closed by hand.
  const search = (value: string) => {
    setQuery(value);
    setOpen(searchWords(value).length > 0 ? filterHandbook(book?.categories ?? [], value).map((c) => c.code) : []);
  };

  const download = async () => {
    setDownloading(true);
    try {
      await downloadHandbookPdf(t('handbook.pdfName'));
    } catch (error) {
      report(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <PageShell
      title={t('handbook.title')}
      intro={
        book
          ? t('handbook.editionLine', { title: book.title, number: book.number, date: book.published_on ? formatDay(book.published_on, i18n.language) : '' })
          : undefined
      }
      loading={handbook.isLoading}
      testId="handbook-page"
      bare
      actions={
        <Space wrap>
          {book && (
            <Button size="large" icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={() => void download()} data-testid="handbook-pdf">
              {t('handbook.downloadPdf')}
            </Button>
          )}
          {staff && book && (
            <LinkButton to="/handbook/print" size="large" icon={<PrinterOutlined aria-hidden />} data-testid="handbook-print">
              {t('handbook.print')}
            </LinkButton>
          )}
          {staff && (
            <LinkButton to="/handbook/editions" size="large" icon={<EditOutlined aria-hidden />}>
              {t('handbook.manage')}
            </LinkButton>
          )}
        </Space>
      }
    >
      <div className="xg-handbook">
        {none && <Empty description={t('handbook.none')} data-testid="handbook-none" />}
        {handbook.isError && !none && <Alert type="error" showIcon message={t('handbook.loadFailed')} />}
        {book && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <div className="xg-handbook-search" role="search">
              <label htmlFor={searchId} className="xg-handbook-search-label">
                {t('handbook.searchLabel')}
              </label>
              <Input
                id={searchId}
                size="large"
                allowClear
                value={query}
                onChange={(e) => search(e.target.value)}
                placeholder={t('handbook.searchPlaceholder')}
                prefix={<SearchOutlined aria-hidden />}
                data-testid="handbook-search"
              />
              <Typography.Text type="secondary" aria-live="polite" data-testid="handbook-found">
                {searching ? (found > 0 ? t('handbook.found', { count: found }) : t('handbook.notFound')) : t('handbook.searchHint')}
              </Typography.Text>
            </div>
            {shown.length > 0 && (
              <Collapse
                size="large"
                className="xg-handbook-sections"
                activeKey={open}
                onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
                items={shown.map((c) => ({
                  key: c.code,
                  label: (
                    <span className="xg-handbook-section-title" data-testid="handbook-category">
                      {c.name}
                      <span className="xg-handbook-count">{t('handbook.entryCount', { count: c.entries.length })}</span>
                    </span>
                  ),
                  children: (
                    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                      {c.description && <Typography.Paragraph style={{ margin: 0 }}>{c.description}</Typography.Paragraph>}
                      {c.entries.length === 0 && <Typography.Text type="secondary">{t('handbook.noEntries')}</Typography.Text>}
                      {c.entries.map((e, i) => (
                        <EntryCard key={`${c.code}-${i}`} entry={e} />
                      ))}
                    </Space>
                  ),
                }))}
              />
            )}
          </Space>
        )}
      </div>
    </PageShell>
  );
}
