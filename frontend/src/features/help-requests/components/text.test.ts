import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { canReopen, dataUrlPayload, limitText, photoProblem, progressStep, satisfactionText, staffActions, staffChoices, timeLeft } from './text';

const t = i18n.getFixedT('zh-CN');
const NOW = Date.parse('2026-11-28T08:00:00Z');
const HOUR = 3_600_000;
const due = (hours: number) => new Date(NOW + hours * HOUR).toISOString();

describe('time left', () => {
  it('counts hours under a day (orange), days from a day on (green)', () => {
    expect(timeLeft(t, { status: 'assigned', resolution_due_at: due(5.5), overdue: false }, NOW)).toEqual({ tone: 'orange', text: '剩5小时' });
    expect(timeLeft(t, { status: 'received', resolution_due_at: due(0.5), overdue: false }, NOW)).toEqual({ tone: 'orange', text: '剩不到1小时' });
    expect(timeLeft(t, { status: 'in_progress', resolution_due_at: due(24 * 3 + 2), overdue: false }, NOW)).toEqual({ tone: 'green', text: '剩3天' });
  });

  it('says how late in red', () => {
    expect(timeLeft(t, { status: 'assigned', resolution_due_at: due(-3), overdue: true }, NOW)).toEqual({ tone: 'red', text: '已超时3小时' });
    expect(timeLeft(t, { status: 'assigned', resolution_due_at: due(-50), overdue: true }, NOW)).toEqual({ tone: 'red', text: '已超时2天' });
    // The server's word counts even when the browser's clock is behind.
    expect(timeLeft(t, { status: 'received', resolution_due_at: due(0.2), overdue: true }, NOW)?.tone).toBe('red');
  });

  it('has none once finished', () => {
    for (const status of ['resolved', 'closed', 'not_ours', 'duplicate'] as const) {
      expect(timeLeft(t, { status, resolution_due_at: due(-100), overdue: false }, NOW)).toBeNull();
    }
  });
});

describe('words', () => {
  it('gives a category’s limits and satisfaction in words', () => {
    expect(limitText(t, { amount: 2, unit: 'hours' })).toBe('2小时内');
    expect(limitText(t, { amount: 5, unit: 'working_days' })).toBe('5个工作日内');
    expect(satisfactionText(t, 1)).toBe('很不满意');
    expect(satisfactionText(t, 5)).toBe('很满意');
  });
});

describe('moves and people', () => {
  it('orders the staff moves and leaves the requester’s rating out', () => {
    expect(staffActions(['duplicate', 'rate', 'not_ours', 'assign', 'resolve'])).toEqual(['assign', 'resolve', 'not_ours', 'duplicate']);
  });

  it('offers the signed-in user first, then the other staff (no leaders)', () => {
    const colleagues = [
      { id: 'b', display_name: '王芳', role: 'staff' },
      { id: 'a', display_name: '李明', role: 'staff' },
      { id: 'c', display_name: '组长', role: 'group_leader' },
    ];
    expect(staffChoices(colleagues, { value: 'a', label: '我（李明）' }).map((c) => c.label)).toEqual(['我（李明）', '王芳']);
  });

  it('lets the requester reopen within the 30 days the server gives', () => {
    const r = { actions: ['reopen' as const], status: 'closed' as const, reopen_until: '2026-12-20' };
    expect(canReopen(r, '2026-12-20')).toBe(true);
    expect(canReopen(r, '2026-12-21')).toBe(false);
    expect(canReopen({ ...r, actions: [] }, '2026-12-01')).toBe(false);
    expect(canReopen({ ...r, status: 'in_progress' }, '2026-12-01')).toBe(false);
  });

  it('maps a status onto the family’s progress steps', () => {
    expect(progressStep('received')).toBe(0);
    expect(progressStep('resolved')).toBe(3);
    expect(progressStep('closed')).toBe(4);
  });
});

describe('photos', () => {
  it('takes photos up to 2 MiB and refuses other files', () => {
    expect(photoProblem({ type: 'image/png', size: 2 * 1024 * 1024 })).toBeNull();
    expect(photoProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 + 1 })).toBe('helpRequests.photo.tooLarge');
    expect(photoProblem({ type: 'image/gif', size: 10 })).toBe('helpRequests.photo.wrongType');
    expect(photoProblem({ type: 'application/pdf', size: 10 })).toBe('helpRequests.photo.wrongType');
  });

  it('sends the base64 part of a data URL', () => {
    expect(dataUrlPayload('data:image/png;base64,iVBOR')).toBe('iVBOR');
  });
});
