import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN.json';
import zhTW from '@/locales/zh-TW.json';
import en from '@/locales/en.json';
import type { Night } from '../api/get-roster';
import { sortLines } from './LedgerChart';
import { clashes } from './Unavailability';
import { daysBetween, formatDays, formatNight, formatNights, leaderLabel, missingOf, reportSummary, spreadText, tenthsToNights, whenText } from './text';

const zh = () => i18next.getFixedT('zh-CN');
const tw = () => i18next.getFixedT('zh-TW');
const english = () => i18next.getFixedT('en');

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } } });
});

const assignment = (id: string, status: 'scheduled' | 'served' | 'no_show' | 'cancelled' = 'scheduled') => ({
  id,
  leader_user_id: `u-${id}`,
  leader_name: `组长${id}`,
  group_number: Number(id),
  locked: false,
  source: 'generated' as const,
  status,
  version: 1,
});

const night = (assignments: ReturnType<typeof assignment>[]): Night => ({ night: '2026-12-05', kind: 'weekend', weight: 15, assignments, short: false });

describe('dates of the roster', () => {
  it('counts the nights between two days, over months and years', () => {
    expect(daysBetween('2026-11-28', '2026-12-05')).toBe(7);
    expect(daysBetween('2026-11-28', '2026-11-21')).toBe(-7);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('shows a night with its weekday, and the year only when it is another year', () => {
    expect(formatNight('2026-12-05', 'zh-CN')).toBe('12月5日 周六');
    expect(formatNight('2026-12-05', 'zh-CN', { weekday: 'long' })).toBe('12月5日 星期六');
    expect(formatNight('2027-01-01', 'zh-CN', { today: '2026-11-28' })).toBe('2027年1月1日 周五');
    expect(formatNight('2026-12-05', 'zh-TW')).toBe('12月5日 週六');
    expect(formatNight('2026-12-05', 'en')).toBe('Sat, December 5');
  });

  it('says how soon a night is', () => {
    expect(whenText(zh(), '2026-11-28', '2026-11-28')).toBe('今晚');
    expect(whenText(zh(), '2026-11-29', '2026-11-28')).toBe('明晚');
    expect(whenText(zh(), '2026-12-01', '2026-11-28')).toBe('3 天后');
    expect(whenText(english(), '2026-12-01', '2026-11-28')).toBe('in 3 days');
    expect(whenText(zh(), '2026-11-26', '2026-11-28')).toBe('2 天前');
  });

  it('puts a window of days into words', () => {
    expect(formatDays(zh(), 'zh-CN', '2026-12-20', '2026-12-25')).toBe('12月20日 至 12月25日（共 6 天）');
    expect(formatDays(zh(), 'zh-CN', '2026-12-20', '2026-12-20')).toBe('12月20日 周日');
    expect(formatDays(english(), 'en', '2026-12-20', '2026-12-21')).toBe('December 20 to December 21 (2 days)');
  });
});

describe('weights as nights', () => {
  it('shows tenths of a night as nights, with one decimal only when needed', () => {
    expect(tenthsToNights(15)).toBe(1.5);
    expect(formatNights(zh(), 'zh-CN', 10)).toBe('1 夜');
    expect(formatNights(zh(), 'zh-CN', 15)).toBe('1.5 夜');
    expect(formatNights(zh(), 'zh-CN', 125)).toBe('12.5 夜');
    expect(formatNights(zh(), 'zh-CN', 1230)).toBe('123 夜');
    expect(formatNights(english(), 'en', 10)).toBe('1 night');
    expect(formatNights(english(), 'en', 15)).toBe('1.5 nights');
  });

  it('says the spread in plain words', () => {
    expect(spreadText(zh(), 'zh-CN', 15)).toBe('最多与最少相差 1.5 夜');
    expect(spreadText(tw(), 'zh-TW', 20)).toBe('最多與最少相差 2 夜');
    expect(spreadText(zh(), 'zh-CN', 0)).toBe('每位组长的值班量一样多');
    expect(spreadText(english(), 'en', 5)).toBe('The most and the least loaded differ by 0.5 nights');
  });
});

describe('nights and reports', () => {
  it('names a leader with their group', () => {
    expect(leaderLabel(zh(), '张三', 3)).toBe('张三（第3组）');
    expect(leaderLabel(zh(), '张三', null)).toBe('张三');
  });

  it('counts the leaders a night lacks; a leader who was called off does not count', () => {
    expect(missingOf(night([assignment('1'), assignment('2')]), 2)).toBe(0);
    expect(missingOf(night([assignment('1')]), 2)).toBe(1);
    expect(missingOf(night([]), 2)).toBe(2);
    expect(missingOf(night([assignment('1'), assignment('2', 'cancelled')]), 2)).toBe(1);
    expect(missingOf(night([assignment('1'), assignment('2', 'no_show')]), 2)).toBe(0);
  });

  it('sums up the evening in one line', () => {
    const base = { incidents: '', weather_cancelled: false, updated_at: '2026-11-27T13:00:00Z', version: 1 };
    expect(reportSummary(zh(), 'zh-CN', null)).toBe('还没有记录');
    expect(reportSummary(zh(), 'zh-CN', { ...base, headcount: 1200 })).toBe('约 1,200 人，一切正常');
    expect(reportSummary(zh(), 'zh-CN', { ...base, headcount: 300, incidents: '音响线路松动，已修好' })).toBe('约 300 人，音响线路松动，已修好');
    expect(reportSummary(zh(), 'zh-CN', { ...base, headcount: null, weather_cancelled: true, incidents: '大雨' })).toBe('因天气取消，大雨');
    expect(reportSummary(english(), 'en', { ...base, headcount: 1 })).toBe('about 1 person; all well');
  });

  it('finds my duty nights inside a window I cannot come', () => {
    const mine = [{ night: '2026-12-03' }, { night: '2026-12-10' }, { night: '2026-12-21' }];
    expect(clashes({ first_day: '2026-12-10', last_day: '2026-12-21' }, mine)).toEqual(['2026-12-10', '2026-12-21']);
    expect(clashes({ first_day: '2026-12-11', last_day: '2026-12-20' }, mine)).toEqual([]);
  });

  it('lists the ledger in group order', () => {
    const line = (name: string, group: number | null) => ({
      leader_user_id: name,
      leader_name: name,
      group_number: group,
      served_nights: 0,
      served_weight: 0,
      no_shows: 0,
      scheduled_nights: 0,
      scheduled_weight: 0,
    });
    expect(sortLines([line('丙', 10), line('乙', null), line('甲', 2)]).map((l) => l.leader_name)).toEqual(['甲', '丙', '乙']);
  });
});
