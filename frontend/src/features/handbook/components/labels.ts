// The handbook's values in the user's language.
import type { TFunction } from 'i18next';
import type { Limit } from '../api/types';

/** "2小时", "5个工作日". */
export function limitText(t: TFunction, limit: Limit): string {
  return t(`handbook.limit.${limit.unit}`, { count: limit.amount });
}

/** A date (YYYY-MM-DD) as the community reads it, without a time zone shift. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T00:00:00Z`));
}
