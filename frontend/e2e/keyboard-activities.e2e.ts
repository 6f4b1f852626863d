// Keyboard only, through the activities pages: a resident on a phone registers for an event and
// opens their check-in code; a group leader offers a night for a swap (and takes it back) and
// enters days they cannot come (and deletes them); staff at a desk answer a join request of
// 腰鼓队 and move the square's calendar to next month. Tab, Shift+Tab, Enter, Space, arrows and
// typing into fields only, with a visible focus ring on every control on the way.
// The other browser tests share the server: what these leave behind is their own (an event made
// for this test, a withdrawn offer, a deleted window) or nothing other tests assert on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatNight } from '@/features/duty/components/text';
import { apiAs, launch, newPage, PASSWORD, PHONE, screenshot } from './browser';

/** Today in the community (Asia/Shanghai), as the server counts days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** The day `days` after `day` (YYYY-MM-DD). */
const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** Next month as YYYY-MM. */
const nextMonth = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
})();

const DESK = { width: 1366, height: 768 };
/** A keyboard walk is many key presses; on a busy 2-core machine that takes a while. */
const WALK_TIMEOUT = 180_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * What has the keyboard focus: tag, text, accessible name (aria-label), test id, the card or row
 * it sits in, and whether it is visibly focused — an outline (on a select: around it, its input
 * is transparent), or the focus shadow Ant Design draws on a field (on the field or on its
 * wrapper: a date picker, an input with a counter).
 */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const outlined = (e: Element) => {
      const style = getComputedStyle(e);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    };
    const select = el.closest('.ant-select');
    const frame = el.closest('.ant-picker, .ant-input-affix-wrapper, .ant-input-textarea-affix-wrapper, .ant-select-selector') ?? el;
    const shadow = getComputedStyle(frame).boxShadow;
    const ring = outlined(el) || (!!select && outlined(select)) || (el.matches('input, textarea') && shadow !== 'none' && shadow !== '');
    const within = el.parentElement?.closest<HTMLElement>('[data-testid]');
    const card = el.closest('.ant-card');
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText ?? '').trim(),
      label: el.getAttribute('aria-label') ?? '',
      href: el.getAttribute('href') ?? '',
      testId: el.dataset.testid ?? '',
      within: within?.dataset.testid ?? '',
      /** The title of the card it is on. */
      card: (card?.querySelector('h3, h4, .ant-card-head-title')?.textContent ?? '').trim(),
      inNav: !!el.closest('[data-testid="side-nav"]'),
      inDialog: !!el.closest('.ant-modal, .ant-popover'),
      ring,
    };
  });
}

type Focus = NonNullable<Awaited<ReturnType<typeof focused>>>;

/**
 * Presses `key` until the focused element matches (at most `max` times). Every control the focus
 * stops at on the way must show it has the focus, too.
 */
async function pressUntil(page: Page, key: string, match: (f: Focus) => boolean, max = 80): Promise<Focus> {
  const unseen: Focus[] = [];
  for (let i = 0; i < max; i++) {
    const before = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press(key);
    // Menus move the focus a frame after the key: wait for it to move (or not, at the ends).
    await page.waitForFunction((prev) => document.activeElement !== prev, before, { timeout: 1000 }).catch(() => undefined);
    await before.dispose();
    const f = await focused(page);
    // E2E_DEBUG=1 prints every step of the focus walk.
    if (process.env.E2E_DEBUG) console.log(key, JSON.stringify(f));
    if (f && !f.ring) unseen.push(f);
    if (f && match(f)) {
      expect(unseen, 'controls without a visible focus').toEqual([]);
      return f;
    }
  }
  throw new Error(`pressing ${key} ${max} times did not reach the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Tabs (or Shift+Tabs) to the element, every stop on the way visibly focused. */
function tabTo(page: Page, match: (f: Focus) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<Focus> {
  return pressUntil(page, key, match, max);
}

/**
 * Waits until the focus is on an element that matches, visibly focused — unless it is a dialog
 * itself taking the focus (`ring: false`): the next Tab then goes to its first control.
 */
async function focusSettlesOn(page: Page, match: (f: Focus) => boolean, { ring = true } = {}) {
  await expect
    .poll(async () => {
      const f = await focused(page);
      return !!f && match(f);
    })
    .toBe(true);
  const f = (await focused(page))!;
  if (ring) expect(f.ring, `no visible focus on ${JSON.stringify(f)}`).toBe(true);
  return f;
}

/** Signs in with the keyboard: the user name field has the focus on arrival. */
async function keyboardLogIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-card').waitFor();
  expect((await focused(page))?.tag).toBe('input');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('home').waitFor();
}

/** Whether the top of the element is on the screen after a jump to it, below the sticky header. */
const inView = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    return !!r && r.top >= header && r.top < window.innerHeight;
  }, selector);

describe('keyboard only, activities', () => {
  it(
    'a resident on a phone: 活动 from the tab bar, registers for an event, opens the check-in code, cancels again',
    async () => {
      // An event open for registration that no other test relies on.
      const staff = await apiAs('staff');
      const day = addDays(today, 30);
      const title = `社区义诊活动（${day.slice(5)}）`;
      await staff('POST', '/api/v1/events', {
        kind: 'meeting',
        title,
        place: '社区活动室',
        description: '县医院医生来社区量血压、测血糖。',
        starts_at: `${day}T09:00:00+08:00`,
        ends_at: `${day}T11:00:00+08:00`,
        capacity: 40,
      });

      const { context, page } = await newPage(browser, PHONE);
      await keyboardLogIn(page, 'resident');

      // 活动 in the bottom tab bar.
      await tabTo(page, (f) => f.testId === 'tab:/events');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/events');
      const card = page.getByTestId('event-card').filter({ hasText: title });
      await card.getByTestId('register').waitFor();

      // 我要报名 on that event's card.
      await tabTo(page, (f) => f.testId === 'register' && f.card === title);
      await screenshot(page, 'keyboard-resident-register-focused');
      await page.keyboard.press('Enter');
      await card.getByTestId('registration-status').filter({ hasText: '已报名' }).waitFor();
      // The focus stays on the card, on 取消报名 (where 我要报名 was).
      await focusSettlesOn(page, (f) => f.testId === 'cancel-registration');

      // 我的签到码 beside the title jumps to the code, and the focus goes with it.
      await tabTo(page, (f) => f.text === '我的签到码', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/events#my-code');
      await focusSettlesOn(page, (f) => f.testId === 'my-code');
      expect(await inView(page, '[data-testid="my-code"]')).toBe(true);
      await page.getByTestId('my-code').locator('svg[role="img"]').waitFor();
      await screenshot(page, 'keyboard-resident-my-code');
      // The next Tab goes on from the code (copying it), not from the top of the page.
      const copy = await tabTo(page, () => true, 'Tab', 1);
      expect([copy.card, copy.label]).toEqual(['我的签到码', '复制签到码']);

      // Back up to the card: 取消报名 asks first, in a dialog that opens on its confirming button.
      // Esc closes it and the focus is back on 取消报名.
      const cancel = (f: Focus) => f.testId === 'cancel-registration' && f.card === title;
      await tabTo(page, cancel, 'Shift+Tab');
      await page.keyboard.press('Enter');
      const confirm = page.locator('.ant-modal-confirm');
      const confirming = (f: Focus) => f.inDialog && f.text.replace(/\s/g, '') === '取消报名';
      await focusSettlesOn(page, confirming);
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'hidden' });
      await focusSettlesOn(page, cancel);
      await page.keyboard.press('Enter');
      await focusSettlesOn(page, confirming);
      await page.keyboard.press('Enter');
      await confirm.waitFor({ state: 'hidden' });
      // 我要报名 is back, with the focus on it.
      await card.getByTestId('register').waitFor();
      await focusSettlesOn(page, (f) => f.testId === 'register' && f.card === title);
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    'a group leader: 我的值班 from the tab bar, offers a night and takes the offer back, enters days away and deletes them',
    async () => {
      const leader = await apiAs('leader');
      // A night of theirs after tonight, scheduled and not offered yet.
      const mine = await leader<{ night: string; status: string }[]>('GET', '/api/v1/duty/my-nights');
      const swaps = await leader<{ night: string; status: string }[]>('GET', '/api/v1/duty/swaps');
      const offered = new Set(swaps.filter((s) => s.status === 'offered' || s.status === 'taken').map((s) => s.night));
      const night = mine.find((n) => n.night > today && n.status === 'scheduled' && !offered.has(n.night))?.night;
      expect(night, 'a night of the leader after tonight').toBeDefined();
      const words = formatNight(night!, 'zh-CN');

      const { context, page } = await newPage(browser, PHONE);
      await keyboardLogIn(page, 'leader');
      await tabTo(page, (f) => f.testId === 'tab:/duty/mine');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/duty/mine');
      await page.getByTestId('my-nights').getByTestId('my-night').first().waitFor();
      await page.getByTestId('unavailability').waitFor();

      // 找人替班 for that night: the dialog takes the focus; Tab goes on to its note (after 关闭).
      await tabTo(page, (f) => f.testId === 'offer-swap' && f.label === `找人替班：${words}`);
      await page.keyboard.press('Enter');
      const dialog = page.locator('.ant-modal', { hasText: '找人替班' });
      await dialog.getByTestId('offer-form').waitFor();
      await focusSettlesOn(page, (f) => f.inDialog, { ring: false });
      await tabTo(page, (f) => f.testId === 'offer-note', 'Tab', 6);
      await page.keyboard.type('家里有事，谢谢帮忙');
      await tabTo(page, (f) => f.testId === 'offer-confirm', 'Tab', 6);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      const card = page.getByTestId('my-night').filter({ hasText: formatNight(night!, 'zh-CN', { today, weekday: 'long' }) });
      await card.getByTestId('night-swap').filter({ hasText: '正在找人替班' }).waitFor();
      await screenshot(page, 'keyboard-leader-offered');

      // The focus is where 找人替班 was, on 撤回 under that night; its pop-up opens on 取消.
      await focusSettlesOn(
        page,
        (f) => f.testId === 'withdraw-swap' && f.within === 'night-swap' && f.label === `撤回：${formatNight(night!, 'zh-CN', { today })}`,
      );
      await page.keyboard.press('Enter');
      await focusSettlesOn(page, (f) => f.inDialog && f.text.replace(/\s/g, '') === '取消');
      await tabTo(page, (f) => f.testId === 'withdraw-confirm', 'Tab', 2);
      await page.keyboard.press('Enter');
      await card.getByTestId('offer-swap').waitFor();
      // …and back on 找人替班 of that night.
      await focusSettlesOn(page, (f) => f.testId === 'offer-swap' && f.label === `找人替班：${words}`);

      // Days away, well clear of every roster the other tests make.
      const first = addDays(today, 120);
      const last = addDays(first, 1);
      await tabTo(page, (f) => f.testId === 'unavailable-first');
      await page.keyboard.type(first);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('unavailable-last').inputValue()).toBe(first);
      await tabTo(page, (f) => f.testId === 'unavailable-last', 'Tab', 4);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(last);
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.testId === 'unavailable-reason', 'Tab', 4);
      await page.keyboard.type('键盘去医院复查');
      await tabTo(page, (f) => f.testId === 'save-unavailability', 'Tab', 4);
      await page.keyboard.press('Enter');
      const window = page.getByTestId('unavailable-window').filter({ hasText: '键盘去医院复查' });
      await window.waitFor();
      expect(await window.innerText()).toContain('（共 2 天）');
      await screenshot(page, 'keyboard-leader-away');

      // …and deleted again. Esc closes the pop-up and the focus is back on 删除.
      const remove = (f: Focus) => f.testId === 'delete-unavailability' && f.label.includes(formatNight(first, 'zh-CN', { weekday: false }));
      await tabTo(page, remove, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await focusSettlesOn(page, (f) => f.inDialog && f.text.replace(/\s/g, '') === '取消');
      await page.keyboard.press('Escape');
      await page.locator('.ant-popconfirm').waitFor({ state: 'hidden' });
      await focusSettlesOn(page, remove);
      await page.keyboard.press('Enter');
      await focusSettlesOn(page, (f) => f.inDialog && f.text.replace(/\s/g, '') === '取消');
      await tabTo(page, (f) => f.inDialog && f.text.replace(/\s/g, '') === '删除', 'Tab', 2);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('unavailable-window').filter({ hasText: '键盘去医院复查' }).count()).toBe(0);
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    'staff at a desk: 文体队伍 → 腰鼓队 → 同意 the open request; 广场夜间活动 → 下个月',
    async () => {
      // The request the demo leaves open on 腰鼓队 — not one of the demo resident's household
      // (their notifications are counted by the teams test).
      const staff = await apiAs('staff');
      const resident = await apiAs('resident');
      const household = new Set((await resident<{ items: { name: string }[] }>('GET', '/api/v1/residents?limit=50')).items.map((r) => r.name));
      const teams = await staff<{ id: string; name: string }[]>('GET', '/api/v1/teams');
      const team = teams.find((t) => t.name === '腰鼓队');
      expect(team).toBeDefined();
      const detail = await staff<{ members: { resident_name: string; status: string }[] }>('GET', `/api/v1/teams/${team!.id}`);
      const request = detail.members.find((m) => m.status === 'requested' && !household.has(m.resident_name));
      expect(request, 'an open join request on 腰鼓队').toBeDefined();
      const name = request!.resident_name;

      const { context, page } = await newPage(browser, DESK);
      await keyboardLogIn(page, 'staff');
      await pressUntil(page, 'Tab', (f) => f.inNav);
      await pressUntil(page, 'ArrowDown', (f) => f.text === '文体队伍', 20);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/teams');
      await page.getByTestId('team-row').first().waitFor();
      await tabTo(page, (f) => f.tag === 'a' && f.text === '腰鼓队');
      await page.keyboard.press('Enter');
      await page.getByTestId('page-title').filter({ hasText: '腰鼓队' }).waitFor();
      await page.getByTestId('request-row').filter({ hasText: name }).waitFor();
      // The team's data may still be refreshing (on a busy machine, after the other files):
      // tab only once nothing is loading, so the focused button is the one that stays.
      await page.waitForLoadState('networkidle');
      const approve = (f: Focus) => f.label === `同意：${name}`;
      await tabTo(page, approve);
      await focusSettlesOn(page, approve);
      await screenshot(page, 'keyboard-staff-approve-focused');
      const approved = page.waitForResponse((r) => r.url().includes('/approve') && r.request().method() === 'POST');
      await page.keyboard.press('Enter');
      expect((await approved).status(), 'the approval is sent and accepted').toBe(200);
      await page.getByTestId('member-row').filter({ hasText: name }).waitFor();
      expect(await page.getByTestId('request-row').filter({ hasText: name }).count()).toBe(0);

      // The square's month calendar, then next month.
      await pressUntil(page, 'Shift+Tab', (f) => f.inNav);
      await pressUntil(page, 'ArrowDown', (f) => f.text === '广场夜间活动', 20);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/events/square');
      await page.getByTestId('series-calendar').waitFor();
      const month = (await page.getByTestId('series-month').innerText()).trim();
      await tabTo(page, (f) => f.testId === 'next-month');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/events/square?month=${nextMonth}`);
      await expect.poll(async () => (await page.getByTestId('series-month').innerText()).trim()).not.toBe(month);
      await page.locator(`[data-testid="series-day"][data-day="${nextMonth}-01"]`).waitFor();
      // The focus stays on 下个月: Enter again goes on to the month after.
      expect((await focused(page))?.testId).toBe('next-month');
      await screenshot(page, 'keyboard-staff-square-next-month');
      await context.close();
    },
    WALK_TIMEOUT,
  );
});
