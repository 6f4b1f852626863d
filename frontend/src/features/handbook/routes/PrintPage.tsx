// The handbook as an A5 booklet to print and hand out (staff): a cover (title, edition,
// community, year), the contents with page numbers, then each category on pages of its own with
// its places to turn to — large type, phone numbers bold. /handbook/print prints the current
// edition, /handbook/editions/:id/print any edition (a draft to proof-read). 打印 prints the
// booklet alone (see print.css); the contents' numbers follow bookletPages (see its assumption).
import { Alert, Button, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { todayInCommunity } from '@/lib/dates';
import { useMe } from '@/lib/session';
import { useEdition } from '../api/get-edition';
import { useHandbook } from '../api/get-handbook';
import type { Handbook } from '../api/types';
import { bookletPages } from '../components/handbook';
import { limitText } from '../components/labels';
import './print.css';

export function PrintPage() {
  const { id } = useParams();
  return id ? <EditionPrint id={id} /> : <CurrentPrint />;
}

function EditionPrint({ id }: { id: string }) {
  const edition = useEdition(id);
  return <PrintShell book={edition.data} loading={edition.isLoading} failed={edition.isError} back={`/handbook/editions/${id}`} />;
}

function CurrentPrint() {
  const handbook = useHandbook();
  return <PrintShell book={handbook.data} loading={handbook.isLoading} failed={handbook.isError} back="/handbook" />;
}

function PrintShell({ book, loading, failed, back }: { book?: Handbook; loading: boolean; failed: boolean; back: string }) {
  const { t } = useTranslation();
  return (
    <div className="xg-booklet-page">
      <PageShell
        title={t('handbook.printTitle')}
        loading={loading}
        testId="handbook-print-page"
        bare
        actions={
          <Space wrap className="xg-no-print">
            <LinkButton to={back} size="large" icon={<ArrowLeftOutlined aria-hidden />}>
              {t('handbook.back')}
            </LinkButton>
            {book && (
              <Button type="primary" size="large" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} data-testid="print">
                {t('handbook.printNow')}
              </Button>
            )}
          </Space>
        }
      >
        {failed && <Alert type="warning" showIcon message={t('handbook.none')} className="xg-no-print" />}
        {book && (
          <>
            <Alert type="info" showIcon message={t('handbook.printHint')} className="xg-no-print" />
            <Booklet book={book} />
          </>
        )}
      </PageShell>
    </div>
  );
}

function Booklet({ book }: { book: Handbook }) {
  const { t } = useTranslation();
  const me = useMe();
  const { categoryPage } = bookletPages(book.categories.length);
  const year = (book.published_on ?? todayInCommunity()).slice(0, 4);
  const anchor = (i: number) => `booklet-category-${i}`;
  return (
    <article className="xg-booklet" data-testid="booklet" aria-label={book.title}>
      <section className="xg-booklet-sheet xg-booklet-cover" data-testid="booklet-cover">
        <h1>{book.title}</h1>
        <p className="xg-booklet-edition">{t('handbook.editionNumber', { number: book.number })}</p>
        <p className="xg-booklet-community">{me.community.name}</p>
        <p className="xg-booklet-year">{t('handbook.year', { year })}</p>
      </section>
      <nav className="xg-booklet-sheet xg-booklet-contents" aria-labelledby="booklet-contents">
        <h2 id="booklet-contents">{t('handbook.contents')}</h2>
        <ol>
          {book.categories.map((c, i) => (
            <li key={`${c.code}-${i}`} data-testid="booklet-contents-line">
              <a href={`#${anchor(i)}`}>{c.name}</a>
              <span className="xg-booklet-leader" aria-hidden />
              <span data-testid="booklet-contents-page">
                <span className="xg-sr-only">{t('handbook.page')} </span>
                {categoryPage(i)}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      {book.categories.map((c, i) => (
        <section key={`${c.code}-${i}`} id={anchor(i)} className="xg-booklet-sheet xg-booklet-category" aria-labelledby={`${anchor(i)}-title`}>
          <h2 id={`${anchor(i)}-title`} data-testid="booklet-category">
            {c.name}
          </h2>
          {c.description && <p>{c.description}</p>}
          <p className="xg-booklet-limits">{t('handbook.limitsLine', { response: limitText(t, c.response), resolution: limitText(t, c.resolution) })}</p>
          {c.entries.map((e, j) => (
            <div key={j} className="xg-booklet-entry">
              <h3>{e.name}</h3>
              {e.phone && (
                <p>
                  {t('handbook.phone')}：<strong className="xg-booklet-phone">{e.phone}</strong>
                </p>
              )}
              {e.hours && (
                <p>
                  {t('handbook.hours')}：{e.hours}
                </p>
              )}
              {e.address && (
                <p>
                  {t('handbook.address')}：{e.address}
                </p>
              )}
              {e.bring && <p>{t('handbook.bring', { what: e.bring })}</p>}
            </div>
          ))}
          <p className="xg-booklet-folio" aria-hidden>
            {categoryPage(i)}
          </p>
        </section>
      ))}
    </article>
  );
}
