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

const CLEANUP = '除四害集中清理行动';

describe('events', () => {
  let code = '';

  it('a resident on a phone registers for the clean-up and sees it registered and their check-in code', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    // The home page offers an event (the next registered, else one open for registration).
    await page.getByTestId('next-event').waitFor();
    await page.getByTestId('tab:/events').click();
    await page.getByTestId('events-page').waitFor();
    // The demo lecture is listed too.
    await page.getByTestId('event-card').filter({ hasText: '冬季防火与燃气安全讲座' }).waitFor();
    const card = page.getByTestId('event-card').filter({ hasText: CLEANUP });
    await card.waitFor();
    expect(await card.getByTestId('places').innerText()).toMatch(/还剩 \d+ 个名额/);
    await card.getByTestId('register').click();
    await card.getByTestId('registration-status').filter({ hasText: '已报名' }).waitFor();
    await card.getByTestId('cancel-registration').waitFor();

    const myCode = page.getByTestId('my-code');
    await myCode.getByText('到场时出示给工作人员扫码').waitFor();
    expect(await myCode.locator('svg[role="img"]').count()).toBe(1);
    code = (await page.getByTestId('my-code-text').innerText()).trim();
    expect(code.length).toBeGreaterThan(4);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'resident-events');
    await context.close();
  });

  it('staff check that resident in at the clean-up by pasting the code', async () => {
    expect(code).not.toBe('');
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/events');
    const row = page.getByTestId('event-row').filter({ hasText: CLEANUP });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/已报名 [1-9]\d* · 排队 0 · 已签到 0/);
    await row.getByRole('link', { name: CLEANUP }).click();
    await page.getByTestId('event-page').waitFor();
    await page.getByTestId('check-in-code').fill(code);
    await page.getByTestId('check-in-by-code').click();
    await page.getByTestId('check-in-result').filter({ hasText: '已签到' }).waitFor();
    await page.getByTestId('registration-row').filter({ hasText: '已签到' }).first().waitFor();
    expect(await page.getByTestId('event-counts').innerText()).toMatch(/已签到 1$/);
    await screenshot(page, 'staff-event-check-in');
    await context.close();
  });
});
