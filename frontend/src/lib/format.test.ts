import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney } from './format';

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
});
