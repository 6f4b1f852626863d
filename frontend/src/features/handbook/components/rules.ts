// What the server accepts in a handbook (the editor checks the same before sending), and the
// server's words for a refused handbook field in the user's language.
import type { TFunction } from 'i18next';
import { fieldMessage } from '@/lib/fieldMessages';

/** A category, question or choice code: stable, used by outside apps (Open311 service_code). */
export const CODE = /^[a-z0-9_-]{1,40}$/;

/** A handbook phone: 3–20 characters of digits, spaces, '-' and '+', at least 3 digits (110, 12345). */
export function isPhone(value: string): boolean {
  return /^[\d +-]{3,20}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 3;
}

/** The most a limit may be: 720 hours (30 days round the clock) or 60 working days. */
export const maxAmount = (unit: string | undefined) => (unit === 'working_days' ? 60 : 720);

const RULES: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^must be (\d+)–(\d+) characters without leading or trailing spaces$/, 'fieldRules.length', (m) => ({ min: m[1] ?? '', max: m[2] ?? '' })],
  [/^must be (\d+)–(\d+)$/, 'fieldRules.between', (m) => ({ min: m[1] ?? '', max: m[2] ?? '' })],
  [/^is used by an earlier category$/, 'handbook.rules.codeTaken', () => ({})],
  [/^must be a unique code/, 'handbook.rules.uniqueCode', () => ({})],
  [/^must be 1–40 lowercase letters/, 'handbook.rules.code', () => ({})],
  [/^must be a phone number/, 'handbook.rules.phone', () => ({})],
  [/^at most (\d+) \w+$/, 'handbook.rules.atMost', (m) => ({ max: m[1] ?? '' })],
];

export function handbookFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, key, params] of RULES) {
    const m = message.match(pattern);
    if (m) return t(key, params(m));
  }
  return fieldMessage(t, message);
}
