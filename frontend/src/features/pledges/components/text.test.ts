import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN.json';
import en from '@/locales/en.json';
import { describeSupport, formatQuantity } from './text';

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } });
});

describe('support in words', () => {
  it('shows each measure in its unit', () => {
    const t = i18next.getFixedT('zh-CN');
    expect(formatQuantity(t, 'zh-CN', 'fen', 500000)).toBe('¥5,000.00');
    expect(formatQuantity(t, 'zh-CN', 'slot', 30)).toBe('30 场');
    expect(formatQuantity(t, 'zh-CN', 'person_hour', 18)).toBe('18 人·小时');
    expect(formatQuantity(t, 'zh-CN', '台', 4)).toBe('4 台');
  });

  it('describes what is pledged, in the chosen language', () => {
    const zh = i18next.getFixedT('zh-CN');
    const english = i18next.getFixedT('en');
    const goods = {
      kind: 'goods' as const,
      items: [
        { name: '食用油', quantity: 50, unit: '桶' },
        { name: '大米', quantity: 50, unit: '袋' },
      ],
    };
    expect(describeSupport(zh, 'zh-CN', goods)).toBe('食用油 50 桶、大米 50 袋');
    expect(describeSupport(english, 'en', goods)).toBe('食用油 50 桶, 大米 50 袋');
    expect(describeSupport(zh, 'zh-CN', { kind: 'volunteer_time', people: 10, hours: 3 })).toBe('10 人 × 3 小时');
    expect(describeSupport(english, 'en', { kind: 'venue', place: 'Square', slots: [] })).toBe('Square, 0 slot(s)');
  });
});
