// How the duty roster is put into words: nights as dates with their weekday, weights as nights
// ("1.5 夜"), the spread of the ledger, the evening report in one line. Nights are calendar days
// (YYYY-MM-DD) in the community's time zone, Asia/Shanghai, as the server counts them (today
// there, a night later, a month's first and last night: `@/lib/dates`).
import type { TFunction } from 'i18next';
import { asUtc } from '@/lib/dates';
import type { EveningReport, Night } from '../api/get-roster';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((asUtc(to).getTime() - asUtc(from).getTime()) / 86_400_000);
}

/** A weight in tenths of a night as a number of nights: 15 → 1.5, 10 → 1. */
export function tenthsToNights(tenths: number): number {
  return Math.round(tenths) / 10;
}

/** A weight in tenths of a night in words: "1 夜", "12.5 夜" (one decimal, none when whole). */
export function formatNights(t: TFunction, language: string, tenths: number): string {
  const value = tenthsToNights(tenths);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
  return t('duty.nightsValue', { count: value, value: number });
}

/** The most-minus-least of the ledger in plain words. */
export function spreadText(t: TFunction, language: string, spread: number): string {
  return spread <= 0 ? t('duty.spreadNone') : t('duty.spread', { nights: formatNights(t, language, spread) });
}

/** A night as "12月5日 周六" (with the year when it is not this year's). */
export function formatNight(night: string, language: string, options: { today?: string; weekday?: 'short' | 'long' | false } = {}): string {
  const date = asUtc(night);
  const withYear = options.today !== undefined && options.today.slice(0, 4) !== night.slice(0, 4);
  const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: withYear ? 'numeric' : undefined, month: 'long', day: 'numeric' }).format(date);
  if (options.weekday === false) return day;
  const weekday = new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: options.weekday ?? 'short' }).format(date);
  return language.startsWith('en') ? `${weekday}, ${day}` : `${day} ${weekday}`;
}

/** Just the weekday: "周六" / "星期六". */
export function formatWeekday(night: string, language: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', weekday: style }).format(asUtc(night));
}

/** A window of days: one day, or "12月20日 至 12月25日". */
export function formatDays(t: TFunction, language: string, first: string, last: string, today?: string): string {
  const one = (day: string) => formatNight(day, language, { today, weekday: first === last ? 'short' : false });
  return first === last ? one(first) : t('duty.dayRange', { first: one(first), last: one(last), count: daysBetween(first, last) + 1 });
}

/** How soon a night is: "今晚", "明晚", "3 天后". */
export function whenText(t: TFunction, night: string, today: string): string {
  const days = daysBetween(today, night);
  if (days === 0) return t('duty.tonight');
  if (days === 1) return t('duty.tomorrowNight');
  if (days < 0) return t('duty.daysAgo', { count: -days });
  return t('duty.inDays', { count: days });
}

/** A leader with their group: "张三（第3组）". */
export function leaderLabel(t: TFunction, name: string, group: number | null | undefined): string {
  return group == null ? name : t('duty.leaderWithGroup', { name, group });
}

/** How many leaders a night still lacks. */
export function missingOf(night: Night, leadersPerNight: number): number {
  const present = night.assignments.filter((a) => a.status !== 'cancelled').length;
  return Math.max(0, leadersPerNight - present);
}

/** The evening report in one line: headcount, weather, incidents; "未记录" when there is none. */
export function reportSummary(t: TFunction, language: string, report: EveningReport | null | undefined): string {
  if (!report) return t('duty.notRecorded');
  const parts: string[] = [];
  if (report.weather_cancelled) parts.push(t('duty.weatherCancelled'));
  else if (report.headcount != null)
    parts.push(t('duty.headcountValue', { count: report.headcount, value: new Intl.NumberFormat(language).format(report.headcount) }));
  if (report.incidents.trim()) parts.push(report.incidents.trim());
  else if (!report.weather_cancelled) parts.push(t('duty.noIncidents'));
  return parts.join(t('duty.separator'));
}
