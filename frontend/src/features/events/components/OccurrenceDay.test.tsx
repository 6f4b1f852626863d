import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Occurrence } from '../api/get-occurrences';
import { canCallOff, canRestore, OccurrenceDay } from './OccurrenceDay';
import { monthWeeks } from './dates';

const TODAY = '2026-11-28';

const day = (over: Partial<Occurrence> = {}): Occurrence => ({
  day: '2026-11-27',
  starts_at: '2026-11-27T11:00:00Z',
  ends_at: '2026-11-27T13:30:00Z',
  status: 'scheduled',
  cancel_reason: null,
  on_duty: ['李建国（第一居民小组组长）', '第五居民小组组长'],
  headcount: 296,
  ...over,
});

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('a day of the nightly square', () => {
  it('shows a past evening: on, its two leaders and the headcount, and cannot be called off any more', () => {
    const onCallOff = vi.fn();
    render(<OccurrenceDay occurrence={day()} today={TODAY} evening onCallOff={onCallOff} />);
    expect(screen.getByTestId('occurrence-status').textContent).toBe('在办');
    expect(screen.getAllByTestId('occurrence-leader').map((e) => e.textContent)).toEqual(['李建国（第一居民小组组长）', '第五居民小组组长']);
    expect(screen.getByTestId('occurrence-headcount').textContent).toBe('到场 296 人');
    expect(screen.queryByTestId('call-off-day')).toBeNull();
  });

  it('shows a rained-off evening as called off, with why', () => {
    render(<OccurrenceDay occurrence={day({ status: 'cancelled', cancel_reason: '下雨', headcount: null })} today={TODAY} evening />);
    expect(screen.getByTestId('occurrence').dataset.status).toBe('cancelled');
    expect(screen.getByTestId('occurrence-status').textContent).toBe('取消');
    expect(screen.getByTestId('occurrence-reason').textContent).toBe('原因：下雨');
    expect(screen.queryByTestId('occurrence-headcount')).toBeNull();
  });

  it('shows a resident no leaders (the API sends none) and no way to call it off', () => {
    render(<OccurrenceDay occurrence={day({ day: TODAY, on_duty: [], headcount: null })} today={TODAY} evening />);
    expect(screen.queryByTestId('occurrence-leaders')).toBeNull();
    expect(screen.queryByTestId('call-off-day')).toBeNull();
  });

  it('offers staff and leaders 取消这一晚 on tonight, named with its date', async () => {
    const onCallOff = vi.fn();
    const tonight = day({ day: TODAY, headcount: null });
    render(<OccurrenceDay occurrence={tonight} today={TODAY} evening onCallOff={onCallOff} />);
    const button = within(screen.getByTestId('occurrence')).getByRole('button', { name: '取消这一晚：11月28日 周六' });
    await userEvent.click(button);
    expect(onCallOff).toHaveBeenCalledWith(tonight);
  });

  it('knows which days may still be called off', () => {
    expect(canCallOff(day({ day: TODAY }), TODAY)).toBe(true);
    expect(canCallOff(day({ day: '2026-12-01' }), TODAY)).toBe(true);
    expect(canCallOff(day({ day: '2026-11-27' }), TODAY)).toBe(false);
    expect(canCallOff(day({ day: '2026-12-01', status: 'cancelled' }), TODAY)).toBe(false);
  });
});

describe('taking a called-off evening back', () => {
  const calledOff = (over: Partial<Occurrence> = {}) => day({ day: '2026-11-30', status: 'cancelled', cancel_reason: '下雨', headcount: null, ...over });

  it('offers staff and leaders 恢复这一晚 on a called-off evening, named with its date, and asks first', async () => {
    const onRestore = vi.fn(async () => {});
    const evening = calledOff();
    render(<OccurrenceDay occurrence={evening} today={TODAY} evening onCallOff={vi.fn()} onRestore={onRestore} />);
    expect(screen.queryByTestId('call-off-day')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '恢复这一晚：11月30日 周一' }));
    // Nothing happens before the confirmation.
    expect(onRestore).not.toHaveBeenCalled();
    expect(await screen.findByText('恢复11月30日 周一的活动？')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('restore-day-confirm'));
    expect(onRestore).toHaveBeenCalledWith(evening);
  });

  it('says 恢复这一次 for a daytime series', () => {
    render(<OccurrenceDay occurrence={calledOff()} today={TODAY} evening={false} onRestore={vi.fn(async () => {})} />);
    expect(screen.getByTestId('restore-day').textContent).toBe('恢复这一次');
  });

  it('keeps the confirmation from doing anything when 先不恢复 is chosen', async () => {
    const onRestore = vi.fn(async () => {});
    render(<OccurrenceDay occurrence={calledOff()} today={TODAY} evening onRestore={onRestore} />);
    await userEvent.click(screen.getByTestId('restore-day'));
    await userEvent.click(await screen.findByRole('button', { name: '先不恢复' }));
    expect(onRestore).not.toHaveBeenCalled();
  });

  it('shows no way to take a day back to a resident, on a day still on, or on an evening gone by', () => {
    const onRestore = vi.fn(async () => {});
    const { rerender } = render(<OccurrenceDay occurrence={calledOff()} today={TODAY} evening />);
    expect(screen.queryByTestId('restore-day')).toBeNull();
    rerender(<OccurrenceDay occurrence={day({ day: '2026-11-30' })} today={TODAY} evening onCallOff={vi.fn()} onRestore={onRestore} />);
    expect(screen.queryByTestId('restore-day')).toBeNull();
    expect(screen.getByTestId('call-off-day')).toBeInTheDocument();
    rerender(<OccurrenceDay occurrence={calledOff({ day: '2026-11-27' })} today={TODAY} evening onRestore={onRestore} />);
    expect(screen.queryByTestId('restore-day')).toBeNull();
  });

  it('knows which days may be taken back', () => {
    expect(canRestore(calledOff({ day: TODAY }), TODAY)).toBe(true);
    expect(canRestore(calledOff({ day: '2026-12-01' }), TODAY)).toBe(true);
    expect(canRestore(calledOff({ day: '2026-11-27' }), TODAY)).toBe(false);
    expect(canRestore(day({ day: '2026-12-01' }), TODAY)).toBe(false);
  });
});

describe('the month grid', () => {
  it('lays a month out in weeks from Monday', () => {
    const weeks = monthWeeks('2026-11-01');
    // 1 November 2026 is a Sunday: six empty days before it.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });
});
