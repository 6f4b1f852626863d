// Days of the community's calendar (Asia/Shanghai, YYYY-MM-DD) for the month views: a month from
// the address, its weeks from Monday, days in words ("11月28日 周六"), times of day there. Today,
// a day later and a month's first and last day are shared with the duty roster (`@/lib/dates`).
import { addDays, asUtc, COMMUNITY_TIME_ZONE, monthPeriod, todayInCommunity } from '@/lib/dates';

/** The month of `?month=YYYY-MM`, else this month: its first day. */
export function monthFromParam(param: string | null, today: string): string {
  return param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param) ? `${param}-01` : monthPeriod(today).from;
}

/** The weeks (Monday first) of the month starting on `first`; days outside the month are null. */
export function monthWeeks(first: string): (string | null)[][] {
  const { from, to } = monthPeriod(first);
  const lead = (asUtc(from).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** The instant a community day starts (RFC 3339 with the +08:00 China keeps all year). */
export const dayStart = (day: string) => `${day}T00:00:00+08:00`;

/** A community day of an instant (YYYY-MM-DD). */
export function communityDay(instant: string): string {
  return todayInCommunity(new Date(instant));
}

/** A day as "11月28日 周六" (with the year when it is not this year's). */
export function formatDay(day: string, language: string, today?: string): string {
  const date = asUtc(day);
  const withYear = today !== undefined && today.slice(0, 4) !== day.slice(0, 4);
  const text = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: withYear ? 'numeric' : undefined, month: 'long', day: 'numeric' }).format(date);
  const weekday = new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'short' }).format(date);
  return language.startsWith('en') ? `${weekday}, ${text}` : `${text} ${weekday}`;
}

/** The weekday names from Monday, short ("周一" / "Mon"). */
export function weekdayHeaders(language: string): string[] {
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: 'short' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
}

/** The time of an instant in the community: "19:00". */
export function communityTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: COMMUNITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}
