import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { buildRrule, parseRrule, seriesInWords, type Rule } from './rrule';

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the RRULE builder', () => {
  it('builds the nightly square: every day until the end of the year', () => {
    expect(buildRrule({ repeat: { freq: 'daily' }, until: '2026-12-31' })).toBe('FREQ=DAILY;UNTIL=20261231T235959Z');
    expect(buildRrule({ repeat: { freq: 'daily' } })).toBe('FREQ=DAILY');
  });

  it('builds some weekdays, in the week’s order whatever order they were ticked in', () => {
    expect(buildRrule({ repeat: { freq: 'weekly', days: ['SA', 'TU', 'TH'] } })).toBe('FREQ=WEEKLY;BYDAY=TU,TH,SA');
    expect(buildRrule({ repeat: { freq: 'weekly', days: ['SU'] }, until: '2027-03-01' })).toBe('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270301T235959Z');
  });

  it('builds the nth (or last) weekday of each month', () => {
    expect(buildRrule({ repeat: { freq: 'monthly', nth: -1, day: 'SA' } })).toBe('FREQ=MONTHLY;BYDAY=-1SA');
    expect(buildRrule({ repeat: { freq: 'monthly', nth: 2, day: 'TU' }, until: '2026-12-31' })).toBe('FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z');
  });

  it('has no rule while it is incomplete', () => {
    expect(buildRrule({ repeat: { freq: 'weekly', days: [] } })).toBeNull();
    expect(buildRrule({ repeat: { freq: 'daily' }, until: '31.12.2026' })).toBeNull();
  });

  it('reads back what it builds, and nothing it cannot build', () => {
    const rules: Rule[] = [
      { repeat: { freq: 'daily' }, until: '2026-12-31' },
      { repeat: { freq: 'weekly', days: ['TU', 'TH', 'SA'] }, until: null },
      { repeat: { freq: 'monthly', nth: -1, day: 'SA' }, until: null },
    ];
    for (const rule of rules) expect(parseRrule(buildRrule(rule) ?? '')).toEqual(rule);
    expect(parseRrule('RRULE:FREQ=DAILY;INTERVAL=1')).toEqual({ repeat: { freq: 'daily' }, until: null });
    expect(parseRrule('FREQ=DAILY;INTERVAL=2')).toBeNull();
    expect(parseRrule('FREQ=YEARLY')).toBeNull();
    expect(parseRrule('FREQ=MONTHLY;BYDAY=5FR')).toBeNull();
  });
});

describe('a recurring event in words', () => {
  const square = { rrule: 'FREQ=DAILY;UNTIL=20261231T235959Z', starts_local: '19:00:00', ends_local: '21:30:00', expected_size: 300 };

  it('says the square as people say it', () => {
    expect(seriesInWords(i18n.t, 'zh-CN', square)).toBe('每晚 19:00–21:30，约 300 人');
    expect(seriesInWords(i18n.t, 'zh-CN', { ...square, starts_local: '08:00:00', ends_local: '10:00:00', expected_size: null })).toBe('每天 08:00–10:00');
  });

  it('names the weekdays and the nth weekday of the month', () => {
    expect(seriesInWords(i18n.t, 'zh-CN', { ...square, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH,SA', expected_size: null })).toBe('每周二、周四、周六 19:00–21:30');
    expect(
      seriesInWords(i18n.t, 'zh-CN', { ...square, rrule: 'FREQ=MONTHLY;BYDAY=-1SA', starts_local: '08:00:00', ends_local: '10:00:00', expected_size: 40 }),
    ).toBe('每月最后一个星期六 08:00–10:00，约 40 人');
  });

  it('speaks English too, and shows a rule it cannot say as it is', async () => {
    await i18n.changeLanguage('en');
    try {
      expect(seriesInWords(i18n.t, 'en', square)).toBe('Every evening 19:00–21:30, about 300 people');
      expect(seriesInWords(i18n.t, 'en', { ...square, rrule: 'FREQ=MONTHLY;BYDAY=-1SA', expected_size: null })).toBe(
        'The last Saturday of every month 19:00–21:30',
      );
      expect(seriesInWords(i18n.t, 'en', { ...square, rrule: 'FREQ=DAILY;INTERVAL=2', expected_size: null })).toBe('FREQ=DAILY;INTERVAL=2 19:00–21:30');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});
