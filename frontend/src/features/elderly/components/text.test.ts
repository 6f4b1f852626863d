import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN.json';
import zhTW from '@/locales/zh-TW.json';
import en from '@/locales/en.json';
import {
  bandQuery,
  chongyang,
  conditionColor,
  conditionLabel,
  decadeBounds,
  decades,
  defaultCampaignName,
  formatDay,
  groupText,
  nextChongyang,
  parseBand,
  percentOf,
  progressText,
  reasonLabel,
  remaining,
  stillCurrent,
  visitorChoices,
  type ElderlySummary,
} from './text';

const zh = () => i18next.getFixedT('zh-CN');
const tw = () => i18next.getFixedT('zh-TW');
const english = () => i18next.getFixedT('en');

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } } });
});

const summary: ElderlySummary = {
  on: '2026-11-28',
  aged_60_plus: 1200,
  aged_70_plus: 640,
  aged_80_plus: 210,
  aged_90_plus: 31,
  aged_100_plus: 2,
  without_card: 80,
  cards_pending: 12,
  cards_issued_this_year: 237,
  turning_60_this_year: 95,
  turning_70_this_year: 60,
};

describe('age bands', () => {
  it('lists a band as everyone at least that old', () => {
    expect(bandQuery(80)).toEqual({ min_age: 80 });
    expect(bandQuery(100)).toEqual({ min_age: 100 });
  });

  it('bounds a decade below the next one, and leaves 100 and over open', () => {
    expect(decadeBounds(60)).toEqual({ min_age: 60, below_age: 70 });
    expect(decadeBounds(90)).toEqual({ min_age: 90, below_age: 100 });
    expect(decadeBounds(100)).toEqual({ min_age: 100 });
  });

  it('reads a band from the address, 60 for anything else', () => {
    expect(parseBand('90')).toBe(90);
    expect(parseBand('100')).toBe(100);
    expect(parseBand(null)).toBe(60);
    expect(parseBand('65')).toBe(60);
    expect(parseBand('abc')).toBe(60);
  });

  it('turns the summary’s "and over" counts into decades that add up to the 60+ total', () => {
    const rows = decades(summary);
    expect(rows.map((d) => [d.key, d.count])).toEqual([
      ['60–69', 560],
      ['70–79', 430],
      ['80–89', 179],
      ['90–99', 29],
      ['100+', 2],
    ]);
    expect(rows.reduce((sum, d) => sum + d.count, 0)).toBe(summary.aged_60_plus);
  });

  it('never shows a negative decade when the counts disagree', () => {
    expect(decades({ ...summary, aged_70_plus: 1300 })[0]?.count).toBe(0);
  });
});

describe('visits in words', () => {
  it('names the conditions plainly, in all three languages', () => {
    expect(conditionLabel(zh(), 'good')).toBe('身体好');
    expect(conditionLabel(zh(), 'fair')).toBe('一般');
    expect(conditionLabel(zh(), 'poor')).toBe('需要帮助');
    expect(conditionLabel(tw(), 'poor')).toBe('需要幫助');
    expect(conditionLabel(english(), 'good')).toBe('Doing well');
  });

  it('gives each condition its own colour beside the words', () => {
    expect(new Set(['good', 'fair', 'poor'].map((c) => conditionColor(c as 'good')))).toEqual(new Set(['green', 'gold', 'red']));
  });

  it('says why someone is on the list', () => {
    expect(reasonLabel(zh(), 'age')).toBe('高龄');
    expect(reasonLabel(zh(), 'cadre')).toBe('小组干部');
  });

  it('shows the progress as visited of total', () => {
    expect(progressText(zh(), 12, 18)).toBe('已走访 12 / 18');
    expect(progressText(english(), 12, 18)).toBe('Visited 12 / 18');
    expect(percentOf(12, 18)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(20, 18)).toBe(100);
    expect(remaining(12, 18)).toBe(6);
    expect(remaining(18, 18)).toBe(0);
  });

  it('names a group by its number and a day in full', () => {
    expect(groupText(zh(), 3)).toBe('第3组');
    expect(formatDay('2026-10-18', 'zh-CN')).toBe('2026年10月18日');
  });
});

describe('重阳节', () => {
  it('falls on the 9th day of the 9th lunar month', () => {
    expect(chongyang(2025)).toBe('2025-10-29');
    expect(chongyang(2026)).toBe('2026-10-18');
    expect(chongyang(2027)).toBe('2027-10-08');
  });

  it('a new campaign is for this year’s festival until a month after it, then next year’s', () => {
    expect(nextChongyang('2026-09-01')).toBe('2026-10-18');
    expect(nextChongyang('2026-11-10')).toBe('2026-10-18');
    expect(nextChongyang('2026-11-28')).toBe('2027-10-08');
  });

  it('names a new campaign after the festival’s year', () => {
    expect(defaultCampaignName(zh(), '2026-10-18')).toBe('2026年重阳节走访');
  });

  it('keeps a campaign on a leader’s home while someone is left, or for a month after the festival', () => {
    expect(stillCurrent({ festival_on: '2026-10-18', total: 18, visited: 12 }, '2027-01-10')).toBe(true);
    expect(stillCurrent({ festival_on: '2026-10-18', total: 18, visited: 18 }, '2026-11-10')).toBe(true);
    expect(stillCurrent({ festival_on: '2026-10-18', total: 18, visited: 18 }, '2026-12-10')).toBe(false);
  });
});

describe('whom a visit can go to', () => {
  const colleagues = [
    { id: 'me', display_name: '李主任', role: 'staff' },
    { id: 's2', display_name: '王芳', role: 'staff' },
    { id: 'l1', display_name: '张建国', role: 'group_leader' },
    { id: 'l2', display_name: '刘桂兰', role: 'group_leader' },
  ];
  const groups = [
    { number: 3, leader_user_id: 'l1' },
    { number: 1, leader_user_id: 'l1' },
    { number: 2, leader_user_id: null },
  ];

  it('offers staff (the user first) and the group leaders with the groups they lead', () => {
    expect(visitorChoices(zh(), colleagues, { id: 'me', display_name: '李主任' }, groups)).toEqual([
      {
        label: '社区工作人员',
        options: [
          { value: 'me', label: '我（李主任）' },
          { value: 's2', label: '王芳' },
        ],
      },
      {
        label: '小组组长',
        options: [
          { value: 'l1', label: '张建国 · 第1组、第3组' },
          { value: 'l2', label: '刘桂兰' },
        ],
      },
    ]);
  });

  it('keeps a visitor no longer among them, by name, and lists someone only once', () => {
    const choices = visitorChoices(zh(), colleagues, { id: 'me', display_name: '李主任' }, groups, { id: 'gone', name: '赵六' });
    expect(choices[0]).toEqual({ value: 'gone', label: '赵六' });
    expect(visitorChoices(zh(), colleagues, { id: 'me', display_name: '李主任' }, groups, { id: 'l2', name: '刘桂兰' })).toHaveLength(2);
  });

  it('still offers the user before the colleagues are loaded', () => {
    expect(visitorChoices(english(), [], { id: 'me', display_name: 'Li' }, [])).toEqual([{ label: 'Staff', options: [{ value: 'me', label: 'Me (Li)' }] }]);
  });
});
