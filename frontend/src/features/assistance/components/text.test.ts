import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import type { CaseDetail, CaseEntry, CaseStep } from '../api/get-case';
import { caseActions, deadlineText, familyStatusText, formatFen, shortStepName, stepBlocker, staffChoices, stepTerm, timeline, toFen } from './text';

const t = i18n.getFixedT('zh-CN');

const step = (key: string, state: string, extra: Partial<CaseStep> = {}): CaseStep => ({
  key,
  name: key,
  body: '街道',
  basis: '',
  working_days: true,
  survey: false,
  publicity: false,
  decision: false,
  index: 0,
  state,
  overdue: false,
  ...extra,
});

const entry = (kind: CaseEntry['kind'], occurred_on: string, created = '2026-11-20T08:00:00Z'): CaseEntry => ({
  id: `${kind}-${occurred_on}`,
  kind,
  body: kind,
  internal: true,
  occurred_on,
  surveyors: [],
  created_at: created,
});

describe('deadlines', () => {
  it('counts working days left, says today, and says how late in words', () => {
    expect(deadlineText(t, 3)).toBe('剩3个工作日');
    expect(deadlineText(t, 0)).toBe('今天到期');
    expect(deadlineText(t, -2)).toBe('已超期2个工作日');
    expect(deadlineText(t, null)).toBeNull();
  });

  it('gives a step its term in working or calendar days, from an earlier step when the law says so', () => {
    const steps = [step('accept', 'done', { name: '街道受理（一次性告知所缺材料）' })];
    expect(stepTerm(t, { days: 15, working_days: true, counted_from: 'accept' }, steps)).toBe('15个工作日（自“街道受理”开始时起算）');
    expect(stepTerm(t, { days: 7, working_days: false, counted_from: null })).toBe('7天');
    expect(stepTerm(t, { days: null, working_days: true })).toBe('无法定期限');
  });

  it('shortens a step name without its bracketed explanation', () => {
    expect(shortStepName('家庭经济状况调查（入户调查，至少2人）')).toBe('家庭经济状况调查');
    expect(shortStepName('街道初审')).toBe('街道初审');
  });
});

describe('money', () => {
  it('turns yuan into integer fen without floating-point crumbs', () => {
    expect(toFen(680)).toBe(68000);
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen(1234.56)).toBe(123456);
  });

  it('shows fen as yuan with two decimals', () => {
    expect(formatFen(68000)).toBe('¥680.00');
    expect(formatFen(123456)).toBe('¥1,234.56');
  });
});

describe("a case's state for the family", () => {
  it('says the step it is at, in plain words', () => {
    expect(familyStatusText(t, { status: 'open', step_name: '街道初审' })).toBe('街道初审中');
    expect(familyStatusText(t, { status: 'open', step_name: '家庭经济状况调查（入户调查，至少2人）' })).toBe('家庭经济状况调查中');
  });

  it('says how much is paid and from when once approved', () => {
    expect(familyStatusText(t, { status: 'approved', step_name: '审核确认', amount_fen: 68000, payment: 'monthly', payment_from: '2026-12-01' })).toBe(
      '已批准，每月¥680.00，自2026年12月起发放',
    );
    expect(familyStatusText(t, { status: 'approved', step_name: '审核确认', amount_fen: 150000, payment: 'one_off' })).toBe('已批准，一次性发放¥1,500.00');
    expect(familyStatusText(t, { status: 'approved', step_name: '审核确认' })).toBe('已批准');
    expect(familyStatusText(t, { status: 'refused', step_name: '街道初审' })).toBe('未获批准');
  });
});

describe('the moves a step allows', () => {
  it('are the server’s, the step’s own move first', () => {
    // The server's order: advance, approve, refuse, solve, withdraw.
    expect(caseActions(['advance', 'refuse', 'withdraw'])).toEqual(['advance', 'refuse', 'withdraw']);
    expect(caseActions(['approve', 'refuse', 'withdraw'])).toEqual(['approve', 'refuse', 'withdraw']);
    expect(caseActions(['refuse', 'solve', 'withdraw'])).toEqual(['solve', 'refuse', 'withdraw']);
    expect(caseActions(['close'])).toEqual(['close']);
  });

  it('offer nothing the server does not, and ignore moves it does not know', () => {
    expect(caseActions([])).toEqual([]);
    expect(caseActions(['reopen', 'withdraw'])).toEqual(['withdraw']);
  });
});

describe('whom a case can go to', () => {
  const colleagues = [
    { id: 'me', display_name: '李主任', role: 'staff' },
    { id: 's2', display_name: '王芳', role: 'staff' },
    { id: 'l1', display_name: '张建国', role: 'group_leader' },
  ];
  const me = { id: 'me', label: '我（李主任）' };

  it('offers the staff, the user first, and no group leaders', () => {
    expect(staffChoices(colleagues, me)).toEqual([
      { value: 'me', label: '我（李主任）' },
      { value: 's2', label: '王芳' },
    ]);
  });

  it('keeps someone already chosen who is no longer among them, once', () => {
    expect(staffChoices(colleagues, me, [{ value: 'gone', label: '赵六' }])[0]).toEqual({ value: 'gone', label: '赵六' });
    expect(staffChoices(colleagues, me, [{ value: 's2', label: '王芳' }])).toHaveLength(2);
    expect(
      staffChoices([], me, [
        { value: 'x', label: 'X' },
        { value: 'x', label: 'X' },
      ]),
    ).toHaveLength(2);
  });
});

describe('what keeps a step from being finished', () => {
  const c = (current: CaseStep, entries: CaseEntry[] = []): Pick<CaseDetail, 'steps' | 'entries' | 'status'> => ({ status: 'open', steps: [current], entries });

  it('a survey step needs a survey recorded since it started', () => {
    const survey = step('survey', 'current', { survey: true, started_on: '2026-11-10' });
    expect(stepBlocker(c(survey), '2026-11-20')).toEqual({ kind: 'survey' });
    expect(stepBlocker(c(survey, [entry('survey', '2026-11-09')]), '2026-11-20')).toEqual({ kind: 'survey' });
    expect(stepBlocker(c(survey, [entry('survey', '2026-11-12')]), '2026-11-20')).toBeNull();
  });

  it('a 公示 runs its days, and an objection needs a 民主评议', () => {
    const publicity = step('publicity', 'current', { publicity: true, started_on: '2026-11-10', due_on: '2026-11-17' });
    expect(stepBlocker(c(publicity), '2026-11-16')).toEqual({ kind: 'publicity', until: '2026-11-17' });
    expect(stepBlocker(c(publicity), '2026-11-17')).toBeNull();
    expect(stepBlocker(c(publicity, [entry('objection', '2026-11-12')]), '2026-11-18')).toEqual({ kind: 'objection' });
    expect(stepBlocker(c(publicity, [entry('objection', '2026-11-12'), entry('deliberation', '2026-11-15')]), '2026-11-18')).toBeNull();
  });
});

describe('the timeline', () => {
  it('merges entries and state changes, newest day first', () => {
    const items = timeline(
      [entry('survey', '2026-11-12'), entry('note', '2026-11-14')],
      [
        { action: 'open', to: 'open', actor: '李主任', at: '2026-11-10T02:00:00Z' },
        { action: 'advance', to: 'open', actor: '李主任', at: '2026-11-13T02:00:00Z' },
      ],
    );
    expect(items.map((i) => i.day)).toEqual(['2026-11-14', '2026-11-13', '2026-11-12', '2026-11-10']);
  });
});
