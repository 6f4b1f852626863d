import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCN from '@/locales/zh-CN.json';
import en from '@/locales/en.json';
import { describeImport, importStatusLabel } from './importText';

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } });
});

const job = {
  status: 'imported' as const,
  dry_run: false,
  error_count: 0,
  total_rows: 32,
  processed_rows: 32,
  households_created: 12,
  residents_created: 30,
  residents_skipped: 2,
};

describe('an import in words', () => {
  it('names the status plainly, a failed check apart from a failed import', () => {
    const t = i18next.getFixedT('zh-CN');
    expect(importStatusLabel(t, job)).toBe('已导入');
    expect(importStatusLabel(t, { status: 'validated', dry_run: true })).toBe('检查通过');
    expect(importStatusLabel(t, { status: 'failed', dry_run: true })).toBe('检查未通过');
    expect(importStatusLabel(t, { status: 'failed', dry_run: false })).toBe('导入失败');
    expect(importStatusLabel(t, { status: 'interrupted', dry_run: false })).toBe('已中断');
  });

  it('says what was added and skipped, or how many rows are wrong', () => {
    const t = i18next.getFixedT('zh-CN');
    expect(describeImport(t, job)).toBe('新增 12 户 30 人，跳过 2 人');
    expect(describeImport(t, { ...job, residents_skipped: 0 })).toBe('新增 12 户 30 人');
    expect(describeImport(t, { ...job, status: 'validated', dry_run: true })).toBe('可新增 12 户 30 人，跳过 2 人');
    expect(describeImport(t, { ...job, status: 'failed', dry_run: true, error_count: 3 })).toBe('3 行有误');
    expect(describeImport(t, { ...job, status: 'interrupted' })).toBe('未写入任何数据');
    expect(describeImport(t, { ...job, status: 'running', processed_rows: 10 })).toBe('已检查 10 / 32 行');
    expect(describeImport(i18next.getFixedT('en'), job)).toBe('12 households, 30 residents added, 2 skipped');
  });
});
