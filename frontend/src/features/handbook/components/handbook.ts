// Pure helpers of the handbook pages: the search, phone links, the booklet's page numbers and
// where a refused field sits in the editor's form.
import type { Category, Entry } from '../api/types';

/** The words of a search, each of which must be found (Chinese has no spaces: a word may be a phrase). */
export function searchWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
}

/**
 * The categories with the entries that contain every word — in the entry itself or in its
 * category's name and description (looking for 停水 finds the whole 水电气维修 section).
 * Categories with no match are left out; no words leaves everything.
 */
export function filterHandbook(categories: Category[], query: string): Category[] {
  const words = searchWords(query);
  if (words.length === 0) return categories;
  return categories
    .map((c) => {
      const around = `${c.name} ${c.description}`.toLowerCase();
      const entries = c.entries.filter((e) => {
        const text = `${around} ${entryText(e)}`;
        return words.every((w) => text.includes(w));
      });
      return { ...c, entries };
    })
    .filter((c) => c.entries.length > 0);
}

function entryText(e: Entry): string {
  return [e.name, e.phone, e.hours, e.address, e.bring].join(' ').toLowerCase();
}

/** A `tel:` link that every phone dials: digits (and a leading +) only. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/[^\d]/g, '')}`;
}

/**
 * The booklet's page numbers: the cover is page 1, the contents take `contentsPages` pages from
 * page 2, and each category starts on a page of its own (`break-before: page`) and takes
 * `spans[i]` pages. The spans are measured from the laid-out booklet (see paginate); until then
 * — and wherever nothing is laid out — each category is assumed to fit one A5 page, so category
 * i starts at page 3 + i.
 */
export function bookletPages(spans: number[], contentsPages = 1): number[] {
  let next = 2 + Math.max(1, contentsPages);
  return spans.map((span) => {
    const start = next;
    next += Math.max(1, span);
    return start;
  });
}

/** A5 less the 12 mm margins all round, in CSS pixels (96 per inch). */
export const A5_CONTENT = { width: (124 * 96) / 25.4, height: (186 * 96) / 25.4 };

/**
 * How many pages blocks laid out one under another take when none may be split (an entry is
 * `break-inside: avoid`): a block that would cross the page's end starts the next page; one
 * taller than a page runs over as many as it needs. Blocks are [top, bottom] in pixels from the
 * top of the first page.
 */
export function paginate(blocks: [number, number][], pageHeight: number): number {
  let pages = 1;
  let pageTop = blocks[0]?.[0] ?? 0;
  for (const [top, bottom] of blocks) {
    if (bottom - pageTop > pageHeight + 0.5 && top > pageTop) {
      pages += 1;
      pageTop = top;
    }
    while (bottom - pageTop > pageHeight + 0.5) {
      pages += 1;
      pageTop += pageHeight;
    }
  }
  return pages;
}

/** `categories[2].entries[0].phone` → ['categories', 2, 'entries', 0, 'phone'] (a form field's name). */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [field];
    if (m[1]) path.push(m[1]);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}
