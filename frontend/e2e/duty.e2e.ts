// The nightly duty roster: staff generate next month and see every night with its two leaders;
// the ledger is fair and has its table; a leader on a 360 px phone sees their next duty, enters
// days they cannot come (and takes them back), and records tonight's evening.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInCommunity, addDays, monthPeriod, daysBetween } from '@/features/duty/components/text';
import { baseURL, launch, logIn, newPage, PASSWORD, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Signs in through the API; returns a caller for JSON requests and who the user is. */
async function apiAs(username: string) {
  const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseURL()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const me = await call<{ id: string; display_name: string }>('GET', '/api/v1/me');
  return { call, me };
}

describe('duty roster', () => {
  it("staff generate next month's roster and see every night with two leaders; the ledger shows the spread and a table", async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await logIn(page, 'staff');
    // Tonight's pair (or what is missing) is on the staff home.
    const tonight = page.getByTestId('duty-tonight');
    await tonight.getByTestId('tonight-leader').or(tonight.getByTestId('tonight-short')).first().waitFor();

    await page.getByTestId('side-nav').getByText('值班', { exact: true }).click();
    await page.getByTestId('side-nav').getByText('值班排班').click();
    await page.waitForURL('**/duty');
    await page.getByTestId('roster-night').first().waitFor();

    const next = monthPeriod(todayInCommunity(), 1);
    await page.getByTestId('generate-roster').click();
    const dialog = page.locator('.ant-modal', { hasText: '已锁定的晚上和已经记录过的晚上保持不变' });
    await dialog.waitFor();
    expect(await dialog.locator('input').first().inputValue()).toBe(next.from);
    expect(await dialog.locator('input').nth(1).inputValue()).toBe(next.to);
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('generate-confirm').click();

    const result = page.getByTestId('generate-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/共安排 \d+ 人次/);
    expect(await result.innerText()).toMatch(/最多与最少相差 [\d.]+ 夜|每位组长的值班量一样多/);
    await page.waitForURL(`**/duty?month=${next.from.slice(0, 7)}`);
    const nights = page.getByTestId('roster-night');
    await expect.poll(() => nights.count()).toBe(daysBetween(next.from, next.to) + 1);
    // Every night has its two leaders, each with a group, and none is short.
    await expect
      .poll(async () => (await nights.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[data-testid="night-leader"]').length))).every((n) => n === 2))
      .toBe(true);
    expect(await page.locator('.xg-row-alert').count()).toBe(0);
    expect(await nights.first().getByTestId('night-leader').first().innerText()).toMatch(/（第\d+组）/);
    expect(await page.getByTestId('roster-summary').innerText()).toContain('都已排满');
    await screenshot(page, 'staff-duty-generated');
    expect(await seriousViolations(page)).toEqual([]);

    // Locking a night's duty keeps it on a new roster; the button says so.
    const lock = nights.first().getByTestId('lock-toggle').first();
    const pressed = await lock.getAttribute('aria-pressed');
    await lock.click();
    await expect.poll(() => nights.first().getByTestId('lock-toggle').first().getAttribute('aria-pressed')).toBe(pressed === 'true' ? 'false' : 'true');

    // A night set by hand keeps its leaders, locked.
    const second = nights.nth(1);
    const names = async () => (await second.getByTestId('night-leader').locator('strong').allInnerTexts()).sort();
    const leaders = await names();
    expect(leaders).toHaveLength(2);
    await second.getByTestId('set-night').click();
    const setDialog = page.locator('.ant-modal', { hasText: '手动设置的安排会锁定' });
    await setDialog.locator('.ant-select-selection-item').nth(1).waitFor();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await screenshot(page, 'staff-duty-set-night');
    await page.getByTestId('save-night').click();
    await expect
      .poll(() => second.getByTestId('lock-toggle').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed'))))
      .toEqual(['true', 'true']);
    expect(await names()).toEqual(leaders);

    // The rules read as nights.
    await page.getByRole('tab', { name: '规则与节假日' }).click();
    await page.getByTestId('duty-settings').waitFor();
    expect(await page.getByTestId('weekday-weight').inputValue()).toBe('1.0');
    expect(await page.getByTestId('duty-settings').innerText()).toContain('平日 1 夜，周末 1.5 夜');
    expect(await page.getByTestId('holiday').count()).toBeGreaterThan(0);
    await screenshot(page, 'staff-duty-settings');

    // Fairness: the chart, the spread in words, and the same figures as a table.
    await page.getByTestId('side-nav').getByText('值班公平').click();
    await page.waitForURL('**/duty/fairness');
    const spread = page.getByTestId('ledger-spread');
    await spread.waitFor();
    expect(await spread.innerText()).toMatch(/最多与最少相差 [\d.]+ 夜|每位组长的值班量一样多/);
    await page.getByTestId('ledger-chart').locator('svg').first().waitFor();
    await page.getByTestId('ledger-chart-toggle').getByText('表格').click();
    const table = page.getByTestId('ledger-chart-table');
    await table.waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(24);
    expect(await table.locator('thead').innerText()).toContain('未到岗');
    expect(await table.locator('tbody').innerText()).toMatch(/\d+(\.\d)? 夜/);
    await screenshot(page, 'staff-duty-fairness-table');
    await context.close();
  });

  it('a leader on a phone sees their next duty, enters days they cannot come and takes them back', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    // The next duty is on the home page…
    const widget = page.getByTestId('next-duty');
    await widget.getByTestId('my-night').or(widget.locator('.ant-empty')).first().waitFor();
    expect(await widget.getByTestId('my-night').count()).toBe(1);
    await screenshot(page, 'leader-phone-home-next-duty');
    // …and 我的值班 is a tab.
    expect(await page.getByTestId('tab-bar').getByRole('link').allInnerTexts()).toEqual(['首页', '我的小组', '我的值班', '更多']);
    await page.getByTestId('tab:/duty/mine').click();
    await page.getByTestId('my-duty-page').waitFor();
    const first = page.getByTestId('my-nights').getByTestId('my-night').first();
    await first.waitFor();
    expect(await first.getByTestId('my-night-date').innerText()).toMatch(/\d+月\d+日 星期./);
    expect(await first.getByTestId('my-night-partners').innerText()).toMatch(/^搭档：/);

    // Days away, far enough ahead to be clear of the seeded roster.
    const firstDay = addDays(todayInCommunity(), 70);
    const lastDay = addDays(firstDay, 2);
    const form = page.getByTestId('add-unavailability');
    await form.getByTestId('unavailable-first').click();
    await page.keyboard.type(firstDay);
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByTestId('unavailable-last').inputValue()).toBe(firstDay);
    await form.getByTestId('unavailable-last').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(lastDay);
    await page.keyboard.press('Enter');
    await form.getByTestId('unavailable-reason').fill('外出探亲');
    // Every control of the form is a large touch target.
    for (const control of [form.getByTestId('save-unavailability'), form.locator('.ant-picker').first(), form.getByTestId('unavailable-reason')]) {
      expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await form.getByTestId('save-unavailability').click();
    const window = page.getByTestId('unavailable-window').filter({ hasText: '外出探亲' });
    await window.waitFor();
    expect(await window.innerText()).toContain('（共 3 天）');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'leader-phone-my-duty');

    await window.getByTestId('delete-unavailability').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('unavailable-window').filter({ hasText: '外出探亲' }).count()).toBe(0);
    await context.close();
  });

  it('a leader on duty tonight records the evening, marking the partner who did not come', async () => {
    const staff = await apiAs('staff');
    const leader = await apiAs('leader');
    const partner = await apiAs('leader02');
    const today = todayInCommunity();
    // Tonight by hand: the leader and leader02 (locked).
    await staff.call('PUT', `/api/v1/duty/nights/${today}`, { leader_user_ids: [leader.me.id, partner.me.id] });

    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    const widget = page.getByTestId('next-duty');
    await widget.getByText('今晚').waitFor();
    expect(await widget.innerText()).toContain(partner.me.display_name);
    await page.getByTestId('tab:/duty/mine').click();
    await page.getByTestId('record-tonight').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('record-tonight').click();
    const dialog = page.locator('.ant-modal', { hasText: '记录今晚' });
    await dialog.getByTestId('evening-form').waitFor();
    await dialog.getByLabel('广场上大约有多少人').fill('320');
    await dialog.getByLabel('有什么情况要记下来').fill('音响线路松动，已修好');
    // Only the partner can be marked absent.
    expect(await dialog.getByTestId('no-show').count()).toBe(1);
    await dialog.getByTestId('no-show').click();
    expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
    await screenshot(page, 'leader-phone-record-tonight');
    await page.getByTestId('save-report').click();
    const summary = page.getByTestId('recordable-night').first().getByTestId('recorded-summary');
    await expect.poll(() => summary.innerText()).toBe('约 320 人，音响线路松动，已修好');

    // Staff see it on the roster: the partner did not come.
    const roster = await staff.call<{ nights: { assignments: { leader_user_id: string; status: string }[] }[] }>(
      'GET',
      `/api/v1/duty/roster?from=${today}&to=${today}`,
    );
    const statuses = Object.fromEntries(roster.nights[0]?.assignments.map((a) => [a.leader_user_id, a.status]) ?? []);
    expect(statuses).toEqual({ [leader.me.id]: 'served', [partner.me.id]: 'no_show' });
    await context.close();
  });
});
