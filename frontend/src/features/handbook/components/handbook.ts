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
 * The booklet's page numbers. Assumption: the cover is page 1, the contents start on page 2 and
 * take one page per CONTENTS_PER_PAGE lines, and every category starts on a page of its own
 * (`break-before: page`) and fits on that one A5 page. A category longer than a page pushes the
 * following ones on, and their printed numbers are then too small: keep categories short, or
 * check the PDF, whose layout is computed.
 */
export const CONTENTS_PER_PAGE = 16;

export function bookletPages(categoryCount: number): { contentsPages: number; categoryPage: (index: number) => number } {
  const contentsPages = Math.max(1, Math.ceil(categoryCount / CONTENTS_PER_PAGE));
  return { contentsPages, categoryPage: (index) => 2 + contentsPages + index };
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
