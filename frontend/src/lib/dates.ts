// Days of the community's calendar (Asia/Shanghai, YYYY-MM-DD), as the server counts them: today
// there, wherever the browser is; a day some days later; a month's first and last day; a month
// in words ("2026年11月"). The duty roster's nights and the events' month views share them.

/** The community's time zone: "today" (and "tonight") is the server's today there. */
export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the community, wherever the browser is. */
export function todayInCommunity(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COMMUNITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A day (YYYY-MM-DD) as its midnight in UTC: calendar arithmetic and formatting with `timeZone: 'UTC'`. */
export const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
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

/** A month as "2026年11月". */
export function formatMonth(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(asUtc(day));
}
