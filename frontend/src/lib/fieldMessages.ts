// The server explains a refused field in English ("must be 1–50 characters"). Until field errors
// carry a code of their own, the common shapes are put into the user's language here; anything
// else is shown as the server wrote it.
import type { TFunction } from 'i18next';

const RULES: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^must be (\d+)–(\d+) characters$/, 'fieldRules.length', (m) => ({ min: m[1] ?? '', max: m[2] ?? '' })],
  [/^must be at most (\d+) characters$/, 'fieldRules.maxLength', (m) => ({ max: m[1] ?? '' })],
  [/^must be between (\d+) and (\d+)$/, 'fieldRules.between', (m) => ({ min: m[1] ?? '', max: m[2] ?? '' })],
  [/^must not be in the future$/, 'fieldRules.notFuture', () => ({})],
  [/^must not be in the past$/, 'fieldRules.notPast', () => ({})],
  [/^must be an absolute https:\/\/ URL$/, 'fieldRules.https', () => ({})],
  [/^must be a phone number/, 'fieldRules.phone', () => ({})],
  [/^must be a positive (amount|whole number)$/, 'fieldRules.positive', () => ({})],
  [/^no such (\w+) in this community$/, 'fieldRules.noSuch', () => ({})],
  [/^is required$|^must not be empty$/, 'fieldRules.required', () => ({})],
];

export function fieldMessage(t: TFunction, message: string): string {
  for (const [pattern, key, params] of RULES) {
    const m = message.match(pattern);
    if (m) return t(key, params(m));
  }
  return message;
}
