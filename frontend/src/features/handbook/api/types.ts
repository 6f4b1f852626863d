// The handbook's shapes for the pages: the generated schema's, with every list and text present.
// The server fills them all, but the schema marks those it defaults on input as optional; the
// answers are completed once here (complete()), so no page deals with a missing list.
import type { Schemas } from '@/api/client';

export type RequestKind = Schemas['RequestKind'];
export type LimitUnit = Schemas['LimitUnit'];
export type PartyKind = Schemas['PartyKind'];
export type EditionStatus = Schemas['EditionStatus'];
export type Limit = Schemas['Limit'];
export type Choice = Schemas['Choice'];
export type Question = Required<Schemas['Question']>;
export type Entry = Required<Schemas['Entry']>;
export interface Category extends Omit<Required<Schemas['Category']>, 'questions' | 'entries'> {
  questions: Question[];
  entries: Entry[];
}
export interface Handbook extends Omit<Schemas['HandbookDto'], 'categories' | 'published_on'> {
  published_on: string | null;
  categories: Category[];
}
export type EditionSummary = Schemas['EditionSummaryDto'];
export type EditionUpdate = Schemas['EditionUpdateRequest'];
/** A third-party client's key: `key` itself only in the answer to issuing it. */
export type Open311Key = Schemas['Open311KeyDto'];

export const REQUEST_KINDS: RequestKind[] = ['help', 'repair', 'complaint', 'inquiry'];
export const LIMIT_UNITS: LimitUnit[] = ['hours', 'working_days'];
export const PARTY_KINDS: PartyKind[] = ['office', 'partner', 'county', 'utility', 'other'];

/** An edition as the server sent it, with every optional list and text filled in. */
export function complete(h: Schemas['HandbookDto']): Handbook {
  return {
    ...h,
    published_on: h.published_on ?? null,
    categories: h.categories.map((c) => ({
      ...c,
      description: c.description ?? '',
      questions: (c.questions ?? []).map((q) => ({ ...q, required: q.required ?? false, choices: q.choices ?? [] })),
      entries: (c.entries ?? []).map((e) => ({ ...e, hours: e.hours ?? '', address: e.address ?? '', bring: e.bring ?? '' })),
    })),
  };
}
