// The nightly duty roster: staff generate next month and see every night with its two leaders;
// the ledger is fair and has its table; a leader on a 360 px phone sees their next duty, enters
// days they cannot come (and takes them back), and records tonight's evening. Swaps: a leader
// offers a night and another takes it, on phones — it moves at once when the rules hold, else
// staff approve it in the planner's 换班 tab; the roster then shows the taker. A leader turns on
// the calendar subscription and a calendar can read the link.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { daysBetween, formatNight } from '@/features/duty/components/text';
import { addDays, monthPeriod, todayInCommunity } from '@/lib/dates';
import { baseURL, launch, logIn, newPage, PASSWORD, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // A dialog fading in is half transparent: its colours are only measured once it has settled.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
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

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The demo's leaders sign in as `leader` (group 1) and `leader02` … (group n). */
const usernameOf = (group: number) => (group === 1 ? 'leader' : `leader${String(group).padStart(2, '0')}`);

/**
 * Leaders free around `night` (no duty within the rest rule either side, not away), least loaded
 * in its year first: one of them taking the night keeps every rule, so it moves at once.
 */
async function freeLeaders(staff: Api, night: string, exclude: string[]) {
  const rules = await staff.call<{ min_rest_nights: number }>('GET', '/api/v1/duty/rules');
  const from = addDays(night, -rules.min_rest_nights - 1);
  const to = addDays(night, rules.min_rest_nights + 1);
  const roster = await staff.call<{ nights: { assignments: { leader_user_id: string }[] }[] }>('GET', `/api/v1/duty/roster?from=${from}&to=${to}`);
  const away = await staff.call<{ leader_user_id: string }[]>('GET', `/api/v1/duty/unavailability?from=${from}&to=${to}`);
  const busy = new Set([...roster.nights.flatMap((n) => n.assignments.map((a) => a.leader_user_id)), ...away.map((u) => u.leader_user_id), ...exclude]);
  const ledger = await staff.call<{
    lines: { leader_user_id: string; leader_name: string; group_number: number | null; served_weight: number; scheduled_weight: number }[];
  }>('GET', `/api/v1/duty/ledger?year=${night.slice(0, 4)}`);
  return ledger.lines
    .filter((l) => l.group_number != null && !busy.has(l.leader_user_id))
    .sort((a, b) => a.served_weight + a.scheduled_weight - (b.served_weight + b.scheduled_weight) || (a.group_number ?? 0) - (b.group_number ?? 0))
    .map((l) => ({ id: l.leader_user_id, name: l.leader_name, username: usernameOf(l.group_number ?? 1) }));
}

/** The leaders on a night, as the roster has them. */
async function onDuty(staff: Api, night: string) {
  const roster = await staff.call<{ nights: { assignments: { id: string; leader_user_id: string; source: string }[] }[] }>(
    'GET',
    `/api/v1/duty/roster?from=${night}&to=${night}`,
  );
  return roster.nights[0]?.assignments ?? [];
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

  // Clear of the seeded roster and of next month (which the first test generates): two months on.
  const swapNight = addDays(monthPeriod(todayInCommunity(), 2).from, 19);

  it('a leader on a phone offers a night and another leader takes it on theirs; it moves at once and the roster shows the taker', async () => {
    const today = todayInCommunity();
    const staff = await apiAs('staff');
    const leader = await apiAs('leader');
    const partner = await apiAs('leader03');
    await staff.call('PUT', `/api/v1/duty/nights/${swapNight}`, { leader_user_ids: [leader.me.id, partner.me.id] });
    const [taker] = await freeLeaders(staff, swapNight, [leader.me.id, partner.me.id]);
    expect(taker, 'a leader free around the night').toBeDefined();
    const night = formatNight(swapNight, 'zh-CN', { today, weekday: 'long' });

    // The leader on duty offers it, with a word for the others.
    const offerer = await newPage(browser, PHONE);
    await logIn(offerer.page, 'leader');
    await offerer.page.getByTestId('tab:/duty/mine').click();
    const card = offerer.page.getByTestId('my-night').filter({ hasText: night });
    await card.getByTestId('offer-swap').click();
    const dialog = offerer.page.locator('.ant-modal', { hasText: '找人替班' });
    await dialog.getByTestId('offer-form').waitFor();
    expect(await dialog.innerText()).toContain('换好之前，这晚仍由您值班');
    await dialog.getByLabel('给其他组长留句话（可以不填）').fill('家里有事，谢谢帮忙');
    expect(await seriousViolations(offerer.page, '.ant-modal')).toEqual([]);
    await offerer.page.getByTestId('offer-confirm').click();
    // (While the dialog closes, its scroll lock widens the page for a moment.)
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => card.getByTestId('night-swap').innerText()).toContain('正在找人替班');
    await offerer.page.getByTestId('my-swaps').getByTestId('my-swap').filter({ hasText: night }).waitFor();
    expect(await overflow(offerer.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(offerer.page)).toEqual([]);
    await screenshot(offerer.page, 'leader-phone-offer-swap');

    // Another leader, on their own phone, takes it: every rule holds, so it moves at once.
    const other = await newPage(browser, PHONE);
    await logIn(other.page, taker!.username);
    await other.page.getByTestId('tab:/duty/mine').click();
    const offer = other.page.getByTestId('open-offers').getByTestId('open-offer').filter({ hasText: night });
    await offer.waitFor();
    expect(await offer.getByTestId('offered-by').innerText()).toBe(`${leader.me.display_name}在找人替班`);
    expect(await offer.innerText()).toContain('留言：家里有事，谢谢帮忙');
    for (const button of [offer.getByTestId('take-swap'), card.getByTestId('withdraw-swap')]) {
      expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await offer.getByTestId('take-swap').click();
    await other.page.getByTestId('take-confirm').click();
    const result = other.page.getByTestId('take-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('这晚由您值班');
    await other.page.getByTestId('my-nights').getByTestId('my-night').filter({ hasText: night }).waitFor();
    expect(await other.page.getByTestId('my-swaps').getByTestId('swap-story').first().innerText()).toContain(`您接下了${leader.me.display_name}的班`);
    expect(await overflow(other.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(other.page)).toEqual([]);
    await screenshot(other.page, 'leader-phone-took-swap');

    // The offerer's page says so; the night is no longer theirs.
    await offerer.page.reload();
    await offerer.page.getByTestId('my-swaps').getByText(`已换给${taker!.name}`).waitFor();
    expect(await offerer.page.getByTestId('my-night').filter({ hasText: night }).count()).toBe(0);

    // The roster has the taker on that night, marked 换班.
    const desk = await newPage(browser, { width: 1366, height: 900 });
    await logIn(desk.page, 'staff');
    await desk.page.goto(`/duty?month=${swapNight.slice(0, 7)}`);
    const row = desk.page.getByTestId('roster-night').filter({ hasText: formatNight(swapNight, 'zh-CN', { today }) });
    const swapped = row.getByTestId('night-leader').filter({ hasText: taker!.name });
    await swapped.waitFor();
    expect(await swapped.getByTestId('swapped').innerText()).toBe('换班');
    expect(await row.getByTestId('night-leader').filter({ hasText: leader.me.display_name }).count()).toBe(0);
    expect((await onDuty(staff, swapNight)).map((a) => [a.leader_user_id, a.source]).sort()).toEqual(
      [
        [partner.me.id, 'manual'],
        [taker!.id, 'swap'],
      ].sort(),
    );
    await screenshot(desk.page, 'staff-duty-roster-swapped');
    for (const c of [offerer, other, desk]) await c.context.close();
  });

  it('a night taken without rest enough waits for the office: the leader is told why, staff approve it in the 换班 tab', async () => {
    const today = todayInCommunity();
    const held = addDays(swapNight, 7);
    const staff = await apiAs('staff');
    const leader = await apiAs('leader');
    const partner = await apiAs('leader03');
    await staff.call('PUT', `/api/v1/duty/nights/${held}`, { leader_user_ids: [leader.me.id, partner.me.id] });
    const [taker] = await freeLeaders(staff, held, [leader.me.id, partner.me.id]);
    expect(taker, 'a leader free around the night').toBeDefined();
    // The taker is on the night after: too little rest, so the swap waits for staff.
    await staff.call('PUT', `/api/v1/duty/nights/${addDays(held, 1)}`, { leader_user_ids: [taker!.id, partner.me.id] });
    const mine = (await onDuty(staff, held)).find((a) => a.leader_user_id === leader.me.id);
    await leader.call('POST', `/api/v1/duty/assignments/${mine!.id}/swap`, { note: '' });
    const night = formatNight(held, 'zh-CN', { today, weekday: 'long' });

    const phone = await newPage(browser, PHONE);
    await logIn(phone.page, taker!.username);
    await phone.page.getByTestId('tab:/duty/mine').click();
    const offer = phone.page.getByTestId('open-offer').filter({ hasText: night });
    await offer.getByTestId('take-swap').click();
    await phone.page.getByTestId('take-confirm').click();
    const result = phone.page.getByTestId('take-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('要等社区工作人员批准');
    expect(await result.innerText()).toContain('原因：接班的组长前后几天已有值班，休息不够');
    const story = phone.page.getByTestId('my-swap').filter({ hasText: night });
    expect(await story.getByTestId('swap-status').innerText()).toBe('等待批准');
    expect(await overflow(phone.page)).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'leader-phone-swap-waits');

    // Staff find it on their home, then approve it in the planner's 换班 tab.
    const desk = await newPage(browser, { width: 1366, height: 900 });
    await logIn(desk.page, 'staff');
    const widget = desk.page.getByTestId('swaps-widget');
    await widget.getByTestId('swaps-widget-item').first().waitFor();
    expect(await widget.innerText()).toContain(`${leader.me.display_name}换给${taker!.name}`);
    await widget.getByRole('link', { name: '去处理' }).click();
    await desk.page.waitForURL((u) => u.pathname === '/duty' && u.searchParams.get('tab') === 'swaps');
    const waiting = desk.page.getByTestId('waiting-swap').filter({ hasText: taker!.name });
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain('休息不够');
    expect(await desk.page.getByTestId('swaps-tab').innerText()).toBe('换班（1 待批准）');
    expect(await seriousViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'staff-duty-swaps');
    await waiting.getByTestId('approve-swap').click();
    await expect.poll(() => desk.page.getByTestId('waiting-swap').count()).toBe(0);
    await desk.page.getByTestId('other-swap').filter({ hasText: taker!.name }).getByText('已换班').waitFor();
    expect((await onDuty(staff, held)).find((a) => a.leader_user_id === taker!.id)?.source).toBe('swap');

    // The leader who took it sees it moved.
    await phone.page.reload();
    await expect.poll(() => phone.page.getByTestId('my-swap').filter({ hasText: night }).getByTestId('swap-status').innerText()).toBe('已换班');
    await phone.page.getByTestId('my-nights').getByTestId('my-night').filter({ hasText: night }).waitFor();
    for (const c of [phone, desk]) await c.context.close();
  });

  it('a leader turns on the calendar subscription on a phone, and a calendar reads the link', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    await page.getByTestId('tab:/duty/mine').click();
    const card = page.getByTestId('calendar-feed');
    await card.getByTestId('feed-status').waitFor();
    expect(await card.getByTestId('feed-privacy').innerText()).toContain('谁拿到这个链接，谁就能看到您的日历');
    await card.getByTestId('create-feed').click();
    const url = card.getByTestId('feed-url');
    await url.waitFor();
    const link = await url.inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL()}/api/v1/calendar/feeds/[\\w-]+\\.ics$`));
    expect(await card.getByTestId('open-webcal').getAttribute('href')).toBe(link.replace(/^http:/, 'webcal:'));
    expect(await card.getByTestId('feed-howto').innerText()).toContain('添加已订阅的日历');
    expect(await card.getByTestId('feed-status').innerText()).toContain('已开启');
    await card.scrollIntoViewIfNeeded();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, '[data-testid="calendar-feed"]')).toEqual([]);
    await screenshot(page, 'leader-phone-calendar-feed');

    // What a phone calendar reads: the leader's duty nights.
    const feed = await page.request.get(link);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const body = await feed.text();
    expect(body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(body).toContain('广场值班');

    // Stopped: the link no longer opens.
    await card.getByTestId('stop-feed').click();
    await page.getByTestId('stop-confirm').click();
    await expect.poll(() => card.getByTestId('feed-status').innerText()).toContain('未开启');
    expect(await card.getByTestId('feed-url').count()).toBe(0);
    expect((await page.request.get(link)).status()).toBe(404);
    await context.close();
  });
});
