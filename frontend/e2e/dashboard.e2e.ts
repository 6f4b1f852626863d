import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, logIn, newPage, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function chooseLanguage(page: Page, label: string) {
  await page.getByTestId('language-switcher').first().click();
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

async function navLabels(page: Page): Promise<string[]> {
  return page.getByTestId('side-nav').locator('.ant-menu-title-content').allInnerTexts();
}

describe('staff dashboard', () => {
  it('staff log in, see their navigation and their own login in the audit log, in Chinese', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await expect
      .poll(() => navLabels(page))
      .toEqual(['首页', '居民登记', '求助服务', '值班', '帮扶救助', '活动管理', '广场夜间活动', '文体队伍', '共建与认捐', '老年人服务', '操作日志', '通知']);
    expect(await page.getByTestId('community-name').innerText()).toBe('星光社区');
    expect(await page.getByTestId('my-role').innerText()).toBe('社区工作人员');
    await screenshot(page, 'staff-home');

    await page.getByTestId('side-nav').getByText('操作日志').click();
    await page.waitForURL('**/audit');
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('操作日志');
    const firstRow = page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
    await firstRow.waitFor();
    expect(await firstRow.innerText()).toContain('staff');
    expect(await firstRow.innerText()).toContain('登录');
    await screenshot(page, 'staff-audit-zh');
    await context.close();
  });

  it('the language switch changes the UI text and survives a reload, as does the session', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/audit');
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();

    await chooseLanguage(page, 'English');
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('Audit log');
    await expect
      .poll(() => navLabels(page))
      .toEqual([
        'Home',
        'Registry',
        'Help requests',
        'Duty',
        'Assistance',
        'Events',
        'Nightly square',
        'Teams',
        'Partners & pledges',
        'Senior services',
        'Audit log',
        'Notifications',
      ]);
    // Ant Design's own components follow the language too.
    expect(await page.locator('.ant-picker-range input').first().getAttribute('placeholder')).toBe('Start date');
    await screenshot(page, 'staff-audit-en');

    await page.reload();
    await page.getByTestId('page-title').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe('Audit log');
    expect(page.url()).toBe(`${baseURL()}/audit`);

    await chooseLanguage(page, '繁體中文');
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('操作日誌');
    await context.close();
  });

  it('logging out returns to the login page, and a reload does not bring the session back', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login**');
    await page.reload();
    await page.getByTestId('login-card').waitFor();
    await page.goto('/audit');
    await page.waitForURL('**/login?next=%2Faudit');
    await context.close();
  });

  it('a wrong password is explained on the login page', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/login');
    await page.locator('#username').fill('staff');
    await page.locator('#password').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await context.close();
  });

  it('an expired access token is refreshed silently and the request retried', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    let refused = 0;
    await page.route('**/api/v1/audit**', async (route) => {
      if (refused === 0) {
        refused += 1;
        await route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'urn:xingguang:problem:token_expired', title: 'Unauthorized', status: 401, code: 'token_expired', detail: 'expired' }),
        });
      } else {
        await route.continue();
      }
    });
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200);
    await page.getByTestId('side-nav').getByText('操作日志').click();
    await refreshed;
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(refused).toBe(1);
    await context.close();
  });

  it('when the session has ended elsewhere, the next refused request returns to the login page', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    // End the session on the server (as an expired or revoked refresh token would)…
    const cookie = (await context.cookies()).find((c) => c.name === 'xg_refresh');
    expect(cookie).toBeDefined();
    const revoked = await fetch(`${baseURL()}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: cookie?.value }),
    });
    expect(revoked.status).toBe(204);
    // …and let the access token expire.
    await page.route('**/api/v1/audit**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'urn:xingguang:problem:token_expired', title: 'Unauthorized', status: 401, code: 'token_expired', detail: 'expired' }),
      }),
    );
    await page.getByTestId('side-nav').getByText('操作日志').click();
    await page.getByTestId('session-expired').waitFor();
    expect(page.url()).toContain('/login');
    await screenshot(page, 'session-expired');
    await context.close();
  });

  it('unknown routes show a not-found page', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/no/such/page');
    expect(await page.locator('.ant-result-title').innerText()).toBe('页面不存在');
    await context.close();
  });
});

describe('phone layout', () => {
  for (const [username, role] of [
    ['leader', '居民组长'],
    ['resident', '居民'],
    ['partner', '共建单位'],
  ] as const) {
    it(`${username} gets the phone layout without the staff navigation`, async () => {
      const { context, page } = await newPage(browser, PHONE);
      await logIn(page, username);
      await page.getByTestId('mobile-layout').waitFor();
      expect(await page.getByTestId('side-nav').count()).toBe(0);
      expect(await page.getByTestId('my-role').innerText()).toBe(role);
      await screenshot(page, `${username}-phone`);
      // Nothing sticks out sideways on a 360 px screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });
  }

  it('a leader reaches every page of theirs from the tab bar and "more", and turns on large text, kept for them alone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    const tabs = await page.getByTestId('tab-bar').getByRole('link').allInnerTexts();
    expect(tabs).toEqual(['首页', '我的小组', '我的值班', '更多']);
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more-page').waitFor();
    for (const path of ['/registry/households', '/duty/fairness', '/needs', '/thanks']) expect(await page.getByTestId(`more:${path}`).count()).toBe(1);
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#large-text-label')!).fontSize));
    expect(await bodySize()).toBe(16);
    await page.getByTestId('large-text').click();
    await expect.poll(bodySize).toBe(18);
    await screenshot(page, 'leader-phone-large-text');
    await page.reload();
    await page.getByTestId('more-page').waitFor();
    await expect.poll(bodySize).toBe(18);
    // Another user of the same phone keeps normal text.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login**');
    await logIn(page, 'resident');
    await page.goto('/more');
    await page.getByTestId('more-page').waitFor();
    await expect.poll(bodySize).toBe(16);
    await context.close();
  });

  it('a resident who opens a staff page is told so, not shown a blank screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.goto('/audit');
    expect(await page.locator('.ant-result-title').innerText()).toBe('无权访问');
    await context.close();
  });
});
