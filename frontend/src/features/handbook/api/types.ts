// The handbook's shapes, in one place so the pages do not care where they come from.
// PROVISIONAL: written from the API contract until the generated schema has them.

export type RequestKind = 'help' | 'repair' | 'complaint' | 'inquiry';
export type LimitUnit = 'hours' | 'working_days';
export type PartyKind = 'office' | 'partner' | 'county' | 'utility' | 'other';
export type EditionStatus = 'draft' | 'published';

export interface Limit {
  amount: number;
  unit: LimitUnit;
}
export interface Choice {
  key: string;
  name: string;
}
export interface Question {
  code: string;
  label: string;
  required: boolean;
  choices: Choice[];
}
export interface Entry {
  name: string;
  party: PartyKind;
  phone: string;
  hours: string;
  address: string;
  bring: string;
}
export interface Category {
  code: string;
  name: string;
  description: string;
  kind: RequestKind;
  response: Limit;
  resolution: Limit;
  questions: Question[];
  entries: Entry[];
}
export interface Handbook {
  id: string;
  number: number;
  title: string;
  status: EditionStatus;
  published_on: string | null;
  version: number;
  categories: Category[];
}
export interface EditionSummary {
  id: string;
  number: number;
  title: string;
  status: EditionStatus;
  published_on: string | null;
  categories: number;
  entries: number;
  updated_at: string;
}
export interface Open311Key {
  id: string;
  name: string;
  key_hint: string;
  created_at: string;
  revoked_at: string | null;
}
export interface Open311KeyIssued extends Open311Key {
  key: string;
}

export const REQUEST_KINDS: RequestKind[] = ['help', 'repair', 'complaint', 'inquiry'];
export const LIMIT_UNITS: LimitUnit[] = ['hours', 'working_days'];
export const PARTY_KINDS: PartyKind[] = ['office', 'partner', 'county', 'utility', 'other'];
