// Days of the community's calendar (Asia/Shanghai, YYYY-MM-DD) for the month views: today there,
// a month's first and last day, its weeks from Monday, and days in words ("11月28日 周六").

export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the community, wherever the browser is. */
export function todayInCommunity(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COMMUNITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  const date = asUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** The first and last day of the month `day` is in, or of the month `offset` months later. */
export function monthPeriod(day: string, offset = 0): { from: string; to: string } {
  const date = asUtc(day);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset + 1, 0));
  return { from: iso(first), to: iso(last) };
}

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

/** A month as "2026年11月". */
export function formatMonth(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(asUtc(day));
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
