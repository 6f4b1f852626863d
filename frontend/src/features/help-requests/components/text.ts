// Words and numbers of the help-request pages, kept pure for tests: the time a request has left
// (hours under a day, then days) and its colour, a category's time limits, the moves in the
// buttons' order, whom a request can go to, satisfaction in words, and a photo's checks.
import type { TFunction } from 'i18next';
import { asUtc } from '@/lib/dates';
import type { Limit, RequestAction, RequestKind, RequestStatus, RequestSummary } from '../api/types';

export const KINDS: RequestKind[] = ['help', 'repair', 'complaint', 'inquiry'];
export const STATUSES: RequestStatus[] = ['received', 'assigned', 'in_progress', 'resolved', 'closed', 'not_ours', 'duplicate'];
const OPEN: RequestStatus[] = ['received', 'assigned', 'in_progress'];

export const isOpen = (status: RequestStatus) => OPEN.includes(status);

/** The tag colour of a status (always beside its words). */
export const STATUS_COLORS: Record<RequestStatus, string> = {
  received: 'gold',
  assigned: 'blue',
  in_progress: 'blue',
  resolved: 'green',
  closed: 'default',
  not_ours: 'purple',
  duplicate: 'default',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface TimeLeft {
  /** red: overdue; orange: less than a day left; green: a day or more. */
  tone: 'red' | 'orange' | 'green';
  text: string;
}

/**
 * The time an open request has until its resolution is due: "剩5小时", "剩3天", or "已超时2天".
 * Under a day it counts whole hours ("不到1小时" below one), from a day on whole days. Finished
 * requests have none.
 */
export function timeLeft(t: TFunction, row: Pick<RequestSummary, 'status' | 'resolution_due_at' | 'overdue'>, now: number = Date.now()): TimeLeft | null {
  if (!isOpen(row.status)) return null;
  const ms = new Date(row.resolution_due_at).getTime() - now;
  const overdue = row.overdue || ms < 0;
  const span = Math.abs(ms);
  const amount = span < HOUR ? null : span < DAY ? { key: 'hours', count: Math.floor(span / HOUR) } : { key: 'days', count: Math.floor(span / DAY) };
  if (overdue) {
    return { tone: 'red', text: amount ? t(`helpRequests.left.overdue_${amount.key}`, { count: amount.count }) : t('helpRequests.left.overdueJust') };
  }
  return {
    tone: ms < DAY ? 'orange' : 'green',
    text: amount ? t(`helpRequests.left.${amount.key}`, { count: amount.count }) : t('helpRequests.left.underHour'),
  };
}

/** A category's time limit in words: "2小时内", "5个工作日内". */
export function limitText(t: TFunction, limit: Limit): string {
  return t(`helpRequests.limit.${limit.unit}`, { count: limit.amount });
}

/** Staff moves in the buttons' order: the next step of the work first, then the ways out. */
const STAFF_ORDER: RequestAction[] = ['assign', 'start', 'resolve', 'follow_up', 'reopen', 'not_ours', 'duplicate'];

export function staffActions(actions: readonly RequestAction[]): RequestAction[] {
  return STAFF_ORDER.filter((a) => actions.includes(a));
}

export interface Choice {
  value: string;
  label: string;
}

/** The staff a request can go to: the signed-in user first as "我（…）", then the other staff. */
export function staffChoices(colleagues: readonly { id: string; display_name: string; role: string }[], me: Choice): Choice[] {
  return [me, ...colleagues.filter((c) => c.role === 'staff' && c.id !== me.value).map((c) => ({ value: c.id, label: c.display_name }))];
}

/** 1–5 in words, for the stars' labels and the rating shown: 很不满意 … 很满意. */
export const SATISFACTION = [1, 2, 3, 4, 5] as const;

export function satisfactionText(t: TFunction, value: number): string {
  return t(`helpRequests.satisfaction.${value}`);
}

/** The photo types the server takes, and its size limit per photo (2 MiB decoded). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 3;

/** Why a chosen file cannot be sent (a translation key), or null when it can. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'helpRequests.photo.wrongType';
  if (file.size > PHOTO_MAX_BYTES) return 'helpRequests.photo.tooLarge';
  return null;
}

/** The base64 part of a data URL ("data:image/png;base64,AAAA" → "AAAA"). */
export function dataUrlPayload(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? dataUrl : dataUrl.slice(comma + 1);
}

/** Whether the requester may still reopen it: the server offers it, and its 30 days are not over. */
export function canReopen(r: { actions: readonly RequestAction[]; status: RequestStatus; reopen_until?: string | null }, today: string): boolean {
  return r.actions.includes('reopen') && (r.status === 'resolved' || r.status === 'closed') && (r.reopen_until == null || r.reopen_until >= today);
}

/** How far along it is for the family's progress steps: 已收到, 已安排, 正在办, 已办好, 已结束. */
export function progressStep(status: RequestStatus): number {
  switch (status) {
    case 'received':
      return 0;
    case 'assigned':
      return 1;
    case 'in_progress':
      return 2;
    case 'resolved':
      return 3;
    default:
      return 4;
  }
}

/** A day (YYYY-MM-DD) in words: "2026年11月28日". */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'long' }).format(asUtc(day));
}
