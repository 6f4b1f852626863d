import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatRecent } from './format';

describe('formatting', () => {
  it('shows fen as yuan in each language', () => {
    expect(formatMoney(44730000, 'zh-CN')).toBe('¥447,300.00');
    expect(formatMoney(300000, 'en')).toContain('3,000.00');
  });

  it('formats a timestamp for the language', () => {
    const zh = formatDateTime('2026-11-27T02:00:00Z', 'zh-CN');
    const en = formatDateTime('2026-11-27T02:00:00Z', 'en');
    expect(zh).toContain('2026');
    expect(zh).not.toEqual(en);
  });

  it('says how long ago a recent timestamp was, and gives the date and time of an older one', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(formatRecent('2026-11-27T11:59:30Z', 'zh-CN', now)).toBe('现在');
    // A server clock a little ahead is still "now".
    expect(formatRecent('2026-11-27T12:00:05Z', 'zh-CN', now)).toBe('现在');
    expect(formatRecent('2026-11-27T11:55:00Z', 'zh-CN', now)).toBe('5分钟前');
    expect(formatRecent('2026-11-27T11:00:01Z', 'zh-CN', now)).toBe('59分钟前');
    expect(formatRecent('2026-11-27T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRecent('2026-11-26T12:00:00Z', 'zh-CN', now)).toBe(formatDateTime('2026-11-26T12:00:00Z', 'zh-CN'));
    expect(formatRecent('2026-11-27T12:10:00Z', 'zh-CN', now)).toBe(formatDateTime('2026-11-27T12:10:00Z', 'zh-CN'));
  });
});
