// The handbook as an A5 booklet to print and hand out (staff): a cover (title, edition,
// community, year), the contents with page numbers, then each category on pages of its own with
// its places to turn to — large type, phone numbers bold. /handbook/print prints the current
// edition, /handbook/editions/:id/print any edition (a draft to proof-read). 打印 prints the
// booklet alone (see print.css); the contents' page numbers are counted from the laid-out pages
// (see useMeasuredPages and bookletPages).
import { useEffect, useRef, useState } from 'react';
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
import type { Category, Handbook } from '../api/types';
import { A5_CONTENT, bookletPages, paginate } from '../components/handbook';
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
  const measure = useRef<HTMLDivElement>(null);
  const layout = useMeasuredPages(book, measure);
  const starts = bookletPages(layout.spans, layout.contentsPages);
  const year = (book.published_on ?? todayInCommunity()).slice(0, 4);
  const anchor = (i: number) => `booklet-category-${i}`;
  return (
    <>
      <article className="xg-booklet" data-testid="booklet" data-measured={layout.measured} aria-label={book.title}>
        <section className="xg-booklet-sheet xg-booklet-cover" data-testid="booklet-cover">
          <h1>{book.title}</h1>
          <p className="xg-booklet-edition">{t('handbook.editionNumber', { number: book.number })}</p>
          <p className="xg-booklet-community">{me.community.name}</p>
          <p className="xg-booklet-year">{t('handbook.year', { year })}</p>
        </section>
        <nav className="xg-booklet-sheet xg-booklet-contents" aria-labelledby="booklet-contents">
          <h2 id="booklet-contents">{t('handbook.contents')}</h2>
          <Contents book={book} starts={starts} anchor={anchor} />
        </nav>
        {book.categories.map((c, i) => (
          <section
            key={`${c.code}-${i}`}
            id={anchor(i)}
            className="xg-booklet-sheet xg-booklet-category"
            aria-labelledby={`${anchor(i)}-title`}
            data-pages={layout.spans[i]}
            data-testid="booklet-section"
          >
            <h2 id={`${anchor(i)}-title`} data-testid="booklet-category">
              {c.name}
            </h2>
            <CategoryBody category={c} />
            <p className="xg-booklet-folio" aria-hidden>
              {starts[i]}
            </p>
          </section>
        ))}
      </article>
      {/* The same pages at the printed width, off screen and hidden, to count the pages each
          takes (see useMeasuredPages). */}
      <div className="xg-booklet-measure" aria-hidden ref={measure}>
        <div className="xg-booklet-contents" data-measure="contents">
          <h2>{t('handbook.contents')}</h2>
          <Contents book={book} starts={starts} />
        </div>
        {book.categories.map((c, i) => (
          <div key={`${c.code}-${i}`} className="xg-booklet-category" data-measure="category">
            <h2>{c.name}</h2>
            <CategoryBody category={c} />
          </div>
        ))}
      </div>
    </>
  );
}

function Contents({ book, starts, anchor }: { book: Handbook; starts: number[]; anchor?: (i: number) => string }) {
  const { t } = useTranslation();
  return (
    <ol>
      {book.categories.map((c, i) => (
        <li key={`${c.code}-${i}`} data-testid={anchor ? 'booklet-contents-line' : undefined}>
          {anchor ? <a href={`#${anchor(i)}`}>{c.name}</a> : <span>{c.name}</span>}
          <span className="xg-booklet-leader" aria-hidden />
          <span data-testid={anchor ? 'booklet-contents-page' : undefined}>
            <span className="xg-sr-only">{t('handbook.page')} </span>
            {starts[i]}
          </span>
        </li>
      ))}
    </ol>
  );
}

function CategoryBody({ category: c }: { category: Category }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

interface MeasuredPages {
  contentsPages: number;
  spans: number[];
  /** Counted from the layout (not the one-page-each assumption). */
  measured: boolean;
}

/**
 * How many A5 pages the contents and each category take once printed, counted from a hidden copy
 * laid out at the printed width and type (print.css) — so the contents' page numbers hold when a
 * category runs over a page. Re-counted whenever that copy changes size (fonts arriving, a
 * language switch). Where nothing is laid out (no ResizeObserver, zero heights) every part is one
 * page, the plain assumption of bookletPages.
 */
function useMeasuredPages(book: Handbook, ref: React.RefObject<HTMLDivElement | null>): MeasuredPages {
  const [measured, setMeasured] = useState<MeasuredPages>({ contentsPages: 1, spans: book.categories.map(() => 1), measured: false });
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const count = (part: Element) => {
      const top = part.getBoundingClientRect().top;
      const blocks = [...part.children].map((child): [number, number] => {
        const rect = child.getBoundingClientRect();
        const style = getComputedStyle(child);
        return [rect.top - top - parseFloat(style.marginTop), rect.bottom - top + parseFloat(style.marginBottom)];
      });
      return paginate(blocks, A5_CONTENT.height);
    };
    const observer = new ResizeObserver(() => {
      const contents = box.querySelector('[data-measure="contents"]');
      const next = {
        contentsPages: contents ? count(contents) : 1,
        spans: [...box.querySelectorAll('[data-measure="category"]')].map(count),
        measured: true,
      };
      setMeasured((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [book, ref]);
  // Until measured (and for a book with other categories than measured), one page each.
  return measured.spans.length === book.categories.length ? measured : { contentsPages: 1, spans: book.categories.map(() => 1), measured: false };
}
