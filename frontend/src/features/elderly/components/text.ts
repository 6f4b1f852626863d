// How the elderly pages put things into words and numbers: the age bands (60+ … 100+, and the
// decades the chart shows), a visit's condition, a campaign's progress ("已走访 12 / 18"), the
// next 重阳节 (the 9th day of the 9th lunar month), the name a new campaign starts with and whom
// a visit can go to.
// Days are calendar days (YYYY-MM-DD) in the community's time zone (`@/lib/dates`).
import type { TFunction } from 'i18next';
import { asUtc } from '@/lib/dates';
import type { Schemas } from '@/api/client';

export type VisitCondition = Schemas['VisitCondition'];
export type VisitReason = Schemas['VisitReason'];
export type CardStatus = Schemas['ElderlyCardStatus'];
export type ElderlySummary = Schemas['ElderlySummaryDto'];

/** The bands of the age lists: "60 岁以上" … "100 岁以上" (100+: the longevity subsidy). */
export const BANDS = [60, 70, 80, 90, 100] as const;
export type Band = (typeof BANDS)[number];

/** A band's query: everyone at least `band` years old. */
export function bandQuery(band: number): { min_age: number } {
  return { min_age: band };
}

/** A decade of the chart: at least `from`, younger than `from + 10`; 100 and over is open. */
export function decadeBounds(from: number): { min_age: number; below_age?: number } {
  return from >= 100 ? { min_age: from } : { min_age: from, below_age: from + 10 };
}

/** A band from a URL parameter, 60 when it is not one of the bands. */
export function parseBand(value: string | null): Band {
  const n = Number(value);
  return (BANDS as readonly number[]).includes(n) ? (n as Band) : 60;
}

export interface Decade {
  key: string;
  from: number;
  count: number;
}

/** The summary's "N+ " counts as decades: 60–69, 70–79, 80–89, 90–99, 100+ (never negative). */
export function decades(s: ElderlySummary): Decade[] {
  const plus = [s.aged_60_plus, s.aged_70_plus, s.aged_80_plus, s.aged_90_plus, s.aged_100_plus];
  return BANDS.map((from, i) => {
    const next = plus[i + 1];
    const count = next === undefined ? plus[i]! : plus[i]! - next;
    return { key: from >= 100 ? '100+' : `${from}–${from + 9}`, from, count: Math.max(0, count) };
  });
}

/** The words of a condition: 身体好 / 一般 / 需要帮助. */
export function conditionLabel(t: TFunction, condition: VisitCondition): string {
  return t(`elderly.condition.${condition}`);
}

/** A condition's tag colour (always beside its words, never alone). */
export function conditionColor(condition: VisitCondition): string {
  return condition === 'good' ? 'green' : condition === 'fair' ? 'gold' : 'red';
}

export const CONDITIONS: VisitCondition[] = ['good', 'fair', 'poor'];

/** Why someone is on the list: 高龄 or 小组干部. */
export function reasonLabel(t: TFunction, reason: VisitReason): string {
  return t(`elderly.reason.${reason}`);
}

/** Whole percent visited, 0 for an empty list, never over 100. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}

/** "已走访 12 / 18". */
export function progressText(t: TFunction, visited: number, total: number): string {
  return t('elderly.progress', { visited, total });
}

/** How many are still to visit. */
export function remaining(visited: number, total: number): number {
  return Math.max(0, total - visited);
}

/** A group as "第3组". */
export function groupText(t: TFunction, number: number): string {
  return t('elderly.groupNumber', { number });
}

/** A day as "2026年10月18日" in the user's language. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(asUtc(day));
}

/** The day of 重阳节 (9th day of the 9th lunar month) in `year`, or null where the browser lacks the Chinese calendar. */
export function chongyang(year: number): string | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  } catch {
    return null;
  }
  if (format.resolvedOptions().calendar !== 'chinese') return null;
  // It falls between early October and early November; the first 9/9 is the festival (a leap
  // ninth month, "9bis", comes after it).
  for (let date = new Date(Date.UTC(year, 8, 20)); date.getUTCFullYear() === year && date.getUTCMonth() < 11; date.setUTCDate(date.getUTCDate() + 1)) {
    const parts = format.formatToParts(date);
    if (parts.find((p) => p.type === 'month')?.value === '9' && parts.find((p) => p.type === 'day')?.value === '9') return date.toISOString().slice(0, 10);
  }
  return null;
}

/** How long after the festival a campaign still belongs to it (visits go on for some weeks). */
const AFTER_FESTIVAL_DAYS = 30;

/** The festival a new campaign is most likely for: this year's, or next year's once this year's is a month past. */
export function nextChongyang(today: string): string | null {
  const year = Number(today.slice(0, 4));
  const thisYear = chongyang(year);
  if (thisYear && (asUtc(today).getTime() - asUtc(thisYear).getTime()) / 86_400_000 <= AFTER_FESTIVAL_DAYS) return thisYear;
  return chongyang(year + 1);
}

/** A new campaign's name: "2026年重阳节走访". */
export function defaultCampaignName(t: TFunction, festivalOn: string): string {
  return t('elderly.defaultCampaignName', { year: Number(festivalOn.slice(0, 4)) });
}

interface CampaignLike {
  festival_on: string;
  total: number;
  visited: number;
}

/**
 * Whether a leader's home should still mention a campaign: while someone is left to visit, or
 * up to a month after its festival.
 */
export function stillCurrent(campaign: CampaignLike, today: string): boolean {
  if (remaining(campaign.visited, campaign.total) > 0) return true;
  return (asUtc(today).getTime() - asUtc(campaign.festival_on).getTime()) / 86_400_000 <= AFTER_FESTIVAL_DAYS;
}

/** The people still to visit, then those visited, each in the order given. */
export function splitVisits<V extends { visited_on?: string | null }>(visits: V[]): { todo: V[]; done: V[] } {
  return { todo: visits.filter((v) => !v.visited_on), done: visits.filter((v) => !!v.visited_on) };
}

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceGroup {
  label: string;
  options: Choice[];
}

/**
 * Whom a visit can go to (改派), as the select's groups: staff — the signed-in user first as
 * "我（…）" — then the group leaders with the groups they lead ("王五 · 第1组"), each in the
 * server's order. A visitor no longer among them (left, or no longer a leader) still shows by name,
 * first.
 */
export function visitorChoices(
  t: TFunction,
  colleagues: readonly { id: string; display_name: string; role: string }[],
  me: { id: string; display_name: string },
  groups: readonly { number: number; leader_user_id?: string | null }[],
  current?: { id: string; name: string },
): (Choice | ChoiceGroup)[] {
  const staff: Choice[] = [
    { value: me.id, label: t('elderly.me', { name: me.display_name }) },
    ...colleagues.filter((c) => c.role === 'staff' && c.id !== me.id).map((c) => ({ value: c.id, label: c.display_name })),
  ];
  const leaders: Choice[] = colleagues
    .filter((c) => c.role === 'group_leader')
    .map((c) => {
      const led = groups
        .filter((g) => g.leader_user_id === c.id)
        .map((g) => g.number)
        .sort((a, b) => a - b);
      return {
        value: c.id,
        label: led.length ? t('elderly.leaderChoice', { name: c.display_name, groups: led.map((n) => groupText(t, n)).join('、') }) : c.display_name,
      };
    });
  const listed = [...staff, ...leaders].some((c) => c.value === current?.id);
  return [
    ...(current && !listed ? [{ value: current.id, label: current.name }] : []),
    { label: t('elderly.visitorStaff'), options: staff },
    ...(leaders.length ? [{ label: t('elderly.visitorLeaders'), options: leaders }] : []),
  ];
}
