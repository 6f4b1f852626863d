// Words and numbers of the assistance pages, kept pure for tests: deadlines in working days,
// money in fen shown in yuan, a case's state in plain words for the family, the moves the server
// offers in the buttons' order, whom a case can go to, and the timeline of entries and state changes.
import type { TFunction } from 'i18next';
import { asUtc, todayInCommunity } from '@/lib/dates';
import type { CaseDetail, CaseEntry, CaseHistory, CaseStep } from '../api/get-case';
import type { CaseSummary } from '../api/get-cases';

export const CASE_KINDS = [
  'dibao',
  'dibao_edge',
  'temporary_relief',
  'medical_aid',
  'disability_subsidy',
  'disability_loan',
  'reemployment',
  'hardship',
] as const;
export const CASE_STATUSES = ['open', 'approved', 'refused', 'solved', 'withdrawn', 'closed'] as const;
export const ENTRY_KINDS = ['note', 'survey', 'objection', 'deliberation', 'review', 'referral', 'training'] as const;
export const EMPLOYMENT_CATEGORIES = [
  'older_unemployed',
  'zero_employment_household',
  'long_term_unemployed',
  'assistance_household',
  'disabled',
  'other',
] as const;

/** The tag colour of a case's status (always beside its words). */
export const STATUS_COLORS: Record<(typeof CASE_STATUSES)[number], string> = {
  open: 'blue',
  approved: 'green',
  refused: 'red',
  solved: 'green',
  withdrawn: 'default',
  closed: 'default',
};

/** Integer fen from yuan typed with up to two decimals (rounded to the fen). */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen as "¥1,234.50". */
export function formatFen(fen: number, language = 'zh-CN'): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(fen / 100);
}

/** A day (YYYY-MM-DD) in words: "2026年11月28日". */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'long' }).format(asUtc(day));
}

/** A month (of a YYYY-MM-DD day) in words: "2026年12月". */
export function formatMonthOf(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(asUtc(day));
}

/** The deadline of the current step: "剩3个工作日", "今天到期", "已超期2个工作日"; none when no deadline runs. */
export function deadlineText(t: TFunction, workingDaysLeft: number | null | undefined): string | null {
  if (workingDaysLeft == null) return null;
  if (workingDaysLeft < 0) return t('assistance.deadline.overdue', { count: -workingDaysLeft });
  if (workingDaysLeft === 0) return t('assistance.deadline.today');
  return t('assistance.deadline.left', { count: workingDaysLeft });
}

/** How long a step has, as the law says: "15个工作日（自“街道受理”开始时起算）", "7天", "无法定期限". */
export function stepTerm(t: TFunction, step: Pick<CaseStep, 'days' | 'working_days' | 'counted_from'>, steps: Pick<CaseStep, 'key' | 'name'>[] = []): string {
  if (step.days == null) return t('assistance.term.none');
  const term = step.working_days ? t('assistance.term.workingDays', { count: step.days }) : t('assistance.term.days', { count: step.days });
  const from = step.counted_from ? steps.find((s) => s.key === step.counted_from) : undefined;
  return from ? t('assistance.term.countedFrom', { term, step: shortStepName(from.name) }) : term;
}

/** A step's name without its explanation in brackets: "家庭经济状况调查（入户调查，至少2人）" → "家庭经济状况调查". */
export function shortStepName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]\s*$/, '').trim() || name;
}

/** A case's state as the family reads it: "街道初审中", "已批准，每月¥680.00，自2026年12月起发放". */
export function familyStatusText(
  t: TFunction,
  c: Pick<CaseSummary, 'status' | 'step_name'> & Partial<Pick<CaseDetail, 'amount_fen' | 'payment' | 'payment_from'>>,
  language = 'zh-CN',
): string {
  switch (c.status) {
    case 'open':
      return t('assistance.family.atStep', { step: shortStepName(c.step_name) });
    case 'approved':
      if (c.amount_fen == null) return t('assistance.family.approved');
      if (c.payment === 'monthly') {
        const amount = formatFen(c.amount_fen, language);
        return c.payment_from
          ? t('assistance.family.approvedMonthlyFrom', { amount, month: formatMonthOf(c.payment_from, language) })
          : t('assistance.family.approvedMonthly', { amount });
      }
      return t('assistance.family.approvedOnce', { amount: formatFen(c.amount_fen, language) });
    default:
      return t(`assistance.family.${c.status}`);
  }
}

export type CaseAction = 'advance' | 'approve' | 'refuse' | 'solve' | 'withdraw' | 'close';

/** The buttons' order: the step's own move first (finish, approve, solve), then the ways out. */
const ACTION_ORDER: CaseAction[] = ['advance', 'approve', 'solve', 'refuse', 'withdraw', 'close'];

/**
 * The moves the server offers now, in the buttons' order. The server knows the step: finish it
 * unless it is the decision (approve there) or the last; a procedure without a decision ends by
 * solving; refuse or withdraw at any open step; end the payment of an approved case.
 */
export function caseActions(actions: readonly string[]): CaseAction[] {
  return ACTION_ORDER.filter((a) => actions.includes(a));
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * The staff a case can go to (its assignee, or the colleague with a conflict of interest): the
 * signed-in user first as "我（…）", then the other staff as the server lists them; someone
 * already chosen who is no longer among them (left, or not staff) still shows by name.
 */
export function staffChoices(
  colleagues: readonly { id: string; display_name: string; role: string }[],
  me: { id: string; label: string },
  keep: readonly Choice[] = [],
): Choice[] {
  const choices: Choice[] = [
    { value: me.id, label: me.label },
    ...colleagues.filter((c) => c.role === 'staff' && c.id !== me.id).map((c) => ({ value: c.id, label: c.display_name })),
  ];
  const missing = keep.filter((k, i) => !choices.some((c) => c.value === k.value) && keep.findIndex((o) => o.value === k.value) === i);
  return [...missing, ...choices];
}

export type TimelineItem =
  { type: 'entry'; key: string; day: string; at: string; entry: CaseEntry } | { type: 'history'; key: string; day: string; at: string; change: CaseHistory };

/** Entries and state changes in one list, newest first (by day, then by when recorded). */
export function timeline(entries: CaseEntry[], history: CaseHistory[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...entries.map((entry) => ({ type: 'entry' as const, key: `e:${entry.id}`, day: entry.occurred_on, at: entry.created_at, entry })),
    ...history.map((change, i) => ({
      type: 'history' as const,
      key: `h:${i}:${change.at}`,
      day: todayInCommunity(new Date(change.at)),
      at: change.at,
      change,
    })),
  ];
  return items.sort((a, b) => (a.day === b.day ? b.at.localeCompare(a.at) : b.day.localeCompare(a.day)));
}

export type StepBlocker = { kind: 'survey' } | { kind: 'publicity'; until: string } | { kind: 'objection' };

/**
 * Why the current step cannot be finished yet, as the server will say (409 `step_incomplete`):
 * no home survey recorded since the step started, a 公示 that has not run its days, or an
 * objection during it without a 民主评议.
 */
export function stepBlocker(c: Pick<CaseDetail, 'steps' | 'entries' | 'status'>, today: string): StepBlocker | null {
  const current = c.steps.find((s) => s.state === 'current');
  if (c.status !== 'open' || !current?.started_on) return null;
  const since = current.started_on;
  const has = (kind: CaseEntry['kind']) => c.entries.some((e) => e.kind === kind && e.occurred_on >= since);
  if (current.survey && !has('survey')) return { kind: 'survey' };
  if (current.publicity) {
    if (current.due_on && today < current.due_on) return { kind: 'publicity', until: current.due_on };
    if (has('objection') && !has('deliberation')) return { kind: 'objection' };
  }
  return null;
}
