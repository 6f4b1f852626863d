import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launch, logIn, newPage, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function wuyiId(birth: string, sequence: number): string {
  const first17 = `330723${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('registry', () => {
  it('staff import a small file, then find a resident by pinyin initials and reveal the ID number', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    const dir = mkdtempSync(join(tmpdir(), 'xg-import-'));
    const file = join(dir, '新居民.csv');
    const id = wuyiId('19470315', 7);
    writeFileSync(
      file,
      '小组编号,道路,幢,单元,室,户电话,姓名,身份证号,与户主关系,手机,标签\n' + `2,测试路,8幢,1单元,101室,,钱多多,${id},户主,13912345678,独居\n`,
    );
    await page.goto('/registry/import');
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report-ok').waitFor();
    await screenshot(page, 'registry-import-checked');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();

    // The staff home lists the finished import (and the check before it), each leading to its report.
    await page.getByTestId('side-nav').getByText('首页').click();
    const finished = page.getByTestId('recent-import').filter({ hasText: '新居民.csv' });
    await finished.filter({ hasText: '已导入' }).filter({ hasText: '新增 1 户 1 人' }).waitFor();
    expect(await finished.filter({ hasText: '检查通过' }).count()).toBe(1);
    await screenshot(page, 'staff-home-finished-imports');
    await finished.filter({ hasText: '已导入' }).getByRole('link', { name: '新居民.csv' }).click();
    await page.waitForURL('**/registry/import?id=*');
    await page.getByTestId('past-import').getByTestId('import-done').waitFor();

    await page.goto('/registry/residents');
    await page.getByTestId('resident-search').fill('qdd');
    await page.getByTestId('resident-search').press('Enter');
    const row = page.getByTestId('resident-table').locator('tbody tr.ant-table-row', { hasText: '钱多多' });
    await row.waitFor();
    expect(await row.innerText()).toContain('330723**********');
    expect(await row.innerText()).not.toContain(id);
    await screenshot(page, 'registry-search-initials');

    await row.getByRole('link', { name: '钱多多' }).click();
    await page.getByTestId('id-masked').waitFor();
    await page.getByTestId('reveal').click();
    await page.locator('textarea').fill('核对老年优待证申请');
    await page.getByRole('button', { name: '查 看' }).click();
    expect(await page.getByTestId('revealed').innerText()).toContain(id);

    await page.goto('/audit');
    const reveal = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
    await reveal.waitFor();
    expect(await reveal.innerText()).toContain('查看居民完整信息');
    await context.close();
  });

  it("the template's own example row passes the import check", async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/registry/import');
    for (const format of ['csv', 'xlsx'] as const) {
      const download = page.waitForEvent('download');
      await page.getByTestId(`template-${format}`).click();
      const file = join(mkdtempSync(join(tmpdir(), 'xg-template-')), `template.${format}`);
      await (await download).saveAs(file);
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByTestId('import-check').click();
      // The report, either way; on failure its text says what the example row got wrong.
      const report = page.getByTestId('import-report-ok').or(page.getByTestId('import-errors')).or(page.locator('.ant-message-error'));
      await report.first().waitFor();
      expect(await report.first().innerText(), format).toContain('全部通过检查');
    }
    await context.close();
  });

  it('on a phone, the problems of a file are cards; the failed check is on the staff home and opens its report', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'staff');
    const file = join(mkdtempSync(join(tmpdir(), 'xg-errors-')), '有错误的名单.csv');
    const id = wuyiId('19520601', 3);
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    writeFileSync(
      file,
      '小组编号,道路,幢,单元,室,户电话,姓名,身份证号,与户主关系,手机,标签\n' + `2,测试路,9幢,1单元,102室,,孙错错,${wrong},户主,13912345679,\n`,
    );
    await page.goto('/registry/import');
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const error = page.getByTestId('import-error').first();
    await error.waitFor();
    expect(await error.evaluate((el) => el.classList.contains('ant-card'))).toBe(true);
    expect(await error.innerText()).toContain('第 2 行');
    expect(await page.getByTestId('import-errors').locator('table').count()).toBe(0);
    await screenshot(page, 'staff-phone-import-errors');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.goto('/');
    const item = page.getByTestId('recent-import').filter({ hasText: '有错误的名单.csv' });
    await item.filter({ hasText: '检查未通过' }).filter({ hasText: '1 行有误' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The status tags keep their text readable (the sweep sees an empty list on a fresh database).
    const axe = await new AxeBuilder({ page }).include('[data-testid="recent-imports"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'staff-phone-home');
    await item.getByRole('link', { name: '有错误的名单.csv' }).click();
    await page.getByTestId('past-import').getByTestId('import-error').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a file with a wrong header is refused with the missing columns named', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    const file = join(mkdtempSync(join(tmpdir(), 'xg-header-')), 'wrong.csv');
    writeFileSync(file, '小组编号,道路,姓名\n1,朝阳路,张三\n');
    await page.goto('/registry/import');
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await page.locator('.ant-message-error', { hasText: '表头缺少列' }).filter({ hasText: '身份证号' }).waitFor();
    await context.close();
  });

  it('a form refuses an ID number with a wrong check digit, in the user language', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/registry/residents');
    await page.getByTestId('create-resident').click();
    const id = wuyiId('19800101', 5);
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    await page.getByTestId('id-number-input').fill(wrong);
    await page.getByTestId('id-number-input').blur();
    await page.getByText('校验位不对，可能有数字录入错误').waitFor();
    await context.close();
  });

  it('staff correct a household phone and see it masked', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/registry/households');
    await page.locator('tbody tr.ant-table-row a').first().click();
    await page.getByTestId('edit-household').click();
    await page.locator('#phone').fill('13566667777');
    await page.getByRole('button', { name: '保 存' }).click();
    await page.getByText('135****7777').waitFor();
    await context.close();
  });

  it('a group leader sees only their own group on the phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    // The bottom tab bar leads to the group, shown as cards on the phone.
    await page.getByTestId('tab:/registry/residents').click();
    const rows = page.getByTestId('resident-row');
    await rows.first().waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.includes('第1组'))).toBe(true);
    await screenshot(page, 'leader-group-residents');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a resident sees their own household', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.getByTestId('tab:/registry/my-household').click();
    await page.getByTestId('resident-row').filter({ hasText: '张秀英' }).waitFor();
    await screenshot(page, 'resident-household');
    await context.close();
  });
});
