import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, logIn, newPage, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('partners and pledges', () => {
  it('a partner pledges money for an open need on a phone and sees it waiting for review', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'partner');
    await page.getByTestId('open-needs').click();
    const card = page.getByTestId('need-card').filter({ hasText: '重阳节敬老慰问经费' });
    await card.waitFor();
    // Partners see the target and progress of a money need.
    expect(await card.innerText()).toContain('¥10,000.00');
    await card.getByTestId('pledge-for-need').click();
    await page.getByTestId('pledge-form').waitFor();
    await page.getByText('认捐需求：重阳节敬老慰问经费').waitFor();
    await page.getByTestId('amount').fill('1888');
    await screenshot(page, 'partner-pledge-form');
    await page.getByTestId('submit-pledge').click();
    await page.getByTestId('pledge-page').waitFor();
    expect(await page.getByTestId('pledge-status').first().innerText()).toBe('待审核');
    expect(await page.getByTestId('pledge-page').innerText()).toContain('¥1,888.00');
    expect(await page.getByTestId('pledge-history').innerText()).toContain('县工商银行');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto('/pledges');
    const mine = page.getByTestId('pledge-card').filter({ hasText: '¥1,888.00' });
    await mine.waitFor();
    expect(await mine.count()).toBe(1);
    await screenshot(page, 'partner-my-pledges');
    await context.close();
  });

  it('staff accept a pledge from the review queue, and the partner sees it accepted', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/pledges');
    const row = page.getByTestId('pledge-row').filter({ hasText: '县农商银行壶山支行' });
    await row.waitFor();
    await screenshot(page, 'staff-pledge-queue');
    await row.click();
    await page.getByTestId('accept-pledge').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('pledge-status').first().filter({ hasText: '已接受' }).waitFor();
    expect(await page.getByTestId('pledge-history').innerText()).toContain('王丽');
    await screenshot(page, 'staff-pledge-accepted');

    // Delivery: the bank's ¥5,000 arrives in full.
    await page.getByTestId('record-delivery').click();
    await page.getByTestId('receipt-number').fill('HD-2026-001');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('pledge-status').first().filter({ hasText: '已兑现' }).waitFor();
    expect(await page.getByTestId('delivered').innerText()).toBe('¥5,000.00 / ¥5,000.00');
    await context.close();

    // The thank-you list names the bank without the amount.
    const resident = await newPage(browser, PHONE);
    await logIn(resident.page, 'resident');
    await resident.page.goto('/thanks');
    const thanks = resident.page.getByTestId('thanks-page');
    await thanks.getByText('县农商银行壶山支行').waitFor();
    expect(await thanks.innerText()).not.toContain('5,000');
    await resident.context.close();
  });

  it('staff create an API client for a partner and see its secret exactly once', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/partners');
    await page.getByRole('cell', { name: '县人民医院' }).click();
    await page.getByTestId('contributions').waitFor();
    await page.getByTestId('client-name').fill('医院公益系统');
    await page.getByTestId('create-client').click();
    const secret = await page.getByTestId('secret').innerText();
    expect(secret).toMatch(/^xgs_[A-Za-z0-9_-]{43}/);
    await screenshot(page, 'staff-client-secret');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const table = page.getByTestId('api-clients');
    await table.getByText('医院公益系统').waitFor();
    expect(await table.innerText()).not.toContain(secret.slice(4, 20));
    await context.close();
  });
});
