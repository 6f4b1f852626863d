import { describe, expect, it } from 'vitest';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import en from './en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('translations', () => {
  it('every language has every key of the default (Simplified Chinese)', () => {
    const reference = keys(zhCN).sort();
    expect(keys(zhTW).sort()).toEqual(reference);
    expect(keys(en).sort()).toEqual(reference);
  });

  it('no translation is empty', () => {
    for (const file of [zhCN, zhTW, en]) {
      const empty = keys(file).filter((k) => {
        const value = k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
