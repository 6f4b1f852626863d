// Recurring events' rules (RFC 5545 RRULE values) as the staff form builds them and as people
// read them: 每天 / 每晚, 每周二、周四、周六, 每月最后一个星期六 — with the time and how many come.
// Only what the API accepts is built: daily, weekly on some weekdays, monthly on the nth weekday.
import type { TFunction } from 'i18next';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Which weekday of the month: the first to the fourth, or the last (-1). */
export const NTHS = [1, 2, 3, 4, -1] as const;
export type Nth = (typeof NTHS)[number];

export type Repeat = { freq: 'daily' } | { freq: 'weekly'; days: Weekday[] } | { freq: 'monthly'; nth: Nth; day: Weekday };

export interface Rule {
  repeat: Repeat;
  /** The last day (YYYY-MM-DD), included; none: no end. */
  until?: string | null;
}

/**
 * The RRULE value of a rule: `FREQ=DAILY;UNTIL=20261231T235959Z`, `FREQ=WEEKLY;BYDAY=TU,TH,SA`,
 * `FREQ=MONTHLY;BYDAY=-1SA`. `null` while the rule is incomplete (a week without days).
 */
export function buildRrule({ repeat, until }: Rule): string | null {
  const parts: string[] = [];
  switch (repeat.freq) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => repeat.days.includes(d));
      if (days.length === 0) return null;
      parts.push('FREQ=WEEKLY', `BYDAY=${days.join(',')}`);
      break;
    }
    case 'monthly':
      if (!NTHS.includes(repeat.nth) || !WEEKDAYS.includes(repeat.day)) return null;
      parts.push('FREQ=MONTHLY', `BYDAY=${repeat.nth}${repeat.day}`);
      break;
  }
  if (until) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return null;
    parts.push(`UNTIL=${until.replaceAll('-', '')}T235959Z`);
  }
  return parts.join(';');
}

/** A rule read back from its RRULE value; `null` for one the form cannot build (an interval, several months …). */
export function parseRrule(rrule: string): Rule | null {
  const fields = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined) return null;
    fields.set(key.trim().toUpperCase(), value.trim().toUpperCase());
  }
  const freq = fields.get('FREQ');
  const byday = fields.get('BYDAY');
  const untilValue = fields.get('UNTIL');
  for (const key of fields.keys()) {
    if (!['FREQ', 'BYDAY', 'UNTIL', 'WKST'].includes(key) && !(key === 'INTERVAL' && fields.get(key) === '1')) return null;
  }
  let until: string | null = null;
  if (untilValue) {
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(untilValue);
    if (!m) return null;
    until = `${m[1]}-${m[2]}-${m[3]}`;
  }
  if (freq === 'DAILY' && !byday) return { repeat: { freq: 'daily' }, until };
  if (freq === 'WEEKLY' && byday) {
    const days = byday.split(',');
    if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return null;
    return { repeat: { freq: 'weekly', days: WEEKDAYS.filter((d) => days.includes(d)) }, until };
  }
  if (freq === 'MONTHLY' && byday) {
    const m = /^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
    const nth = m ? Number(m[1]) : NaN;
    if (!m || !NTHS.includes(nth as Nth)) return null;
    return { repeat: { freq: 'monthly', nth: nth as Nth, day: m[2] as Weekday }, until };
  }
  return null;
}

/** A weekday's name: "周二" / "Tue" (short), "星期二" / "Tuesday" (long). 2024-01-01 was a Monday. */
export function weekdayName(day: Weekday, language: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: style }).format(date);
}

/** "19:00:00" → "19:00". */
export const hhmm = (time: string) => time.slice(0, 5);

/** How often, in words: 每天 (每晚 for an evening), 每周二、周四, 每月最后一个星期六. */
export function repeatInWords(t: TFunction, language: string, repeat: Repeat, startsLocal?: string): string {
  switch (repeat.freq) {
    case 'daily':
      return startsLocal && startsLocal >= '17:00' ? t('series.everyEvening') : t('series.everyDay');
    case 'weekly':
      return t('series.weekly', { days: repeat.days.map((d) => weekdayName(d, language)).join(t('series.listSeparator')) });
    case 'monthly':
      return t('series.monthly', { nth: t(`series.nth.${repeat.nth}`), day: weekdayName(repeat.day, language, 'long') });
  }
}

/** A recurring event in words: "每晚 19:00–21:30，约 300 人" (the rule as written when it is not one of ours). */
export function seriesInWords(
  t: TFunction,
  language: string,
  series: { rrule: string; starts_local: string; ends_local: string; expected_size?: number | null },
): string {
  const rule = parseRrule(series.rrule);
  const when = rule ? repeatInWords(t, language, rule.repeat, series.starts_local) : series.rrule;
  const parts = [`${when} ${hhmm(series.starts_local)}–${hhmm(series.ends_local)}`];
  if (series.expected_size != null) parts.push(t('series.aboutPeople', { count: series.expected_size }));
  return parts.join(t('series.separator'));
}
