import { describe, expect, it } from 'vitest';
import { addDays, asUtc, formatMonth, monthPeriod, todayInCommunity } from './dates';

describe("the community's days", () => {
  it("counts today in the community's time zone, not the browser's", () => {
    // 17:30 UTC is already half past one the next morning in Shanghai.
    expect(todayInCommunity(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29');
    expect(todayInCommunity(new Date('2026-11-28T15:59:00Z'))).toBe('2026-11-28');
  });

  it('reads a day as its midnight in UTC', () => {
    expect(asUtc('2026-11-28').toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('steps over months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('knows the first and last day of a month, and of another one', () => {
    expect(monthPeriod('2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2026-11-28', 1)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthPeriod('2026-12-15', 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(monthPeriod('2028-01-31', 1)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('2027-01-10', -1)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('names a month in the reader’s language', () => {
    expect(formatMonth('2026-11-01', 'zh-CN')).toBe('2026年11月');
    expect(formatMonth('2026-11-01', 'zh-TW')).toBe('2026年11月');
    expect(formatMonth('2026-11-01', 'en')).toBe('November 2026');
  });
});
