// The nightly square as a recurring event: staff see this month's evenings with the two leaders
// on duty and the headcounts recorded, and call an evening off with a reason; the bank that lends
// the square sees it (and the lecture held there) on 场地活动; a resident on a phone sees the
// month without leader names, and the public calendar link works without a login; a leader on a
// phone takes the evening back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, launch, logIn, newPage, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SQUARE = '广场夜间文体活动';
const LECTURE = '慢性病防治健康讲座';

/** Today in the community (Asia/Shanghai), as the server counts days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
/** The last day of this month: always today or later, so it may be called off. */
const lastDay = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
})();

const day = (page: Page, d: string): Locator => page.locator(`[data-testid="series-day"][data-day="${d}"]`);

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('the nightly square', () => {
  it('staff open the square from the events page and see the month: each evening on, with its two leaders, and the headcount of evenings gone by', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/events');
    const recurring = page.getByTestId('recurring');
    await recurring.getByTestId('series-item').filter({ hasText: '每晚 19:00–21:30，约 300 人' }).waitFor();
    await recurring.getByRole('link', { name: SQUARE }).click();
    await page.getByTestId('series-page').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe(SQUARE);
    await page.getByTestId('series-calendar').waitFor();
    // On the 1st of a month no evening has gone by yet: the month before shows them.
    if (today.endsWith('-01') && !today.endsWith('-01-01')) await page.getByTestId('prev-month').click();
    const cells = page.getByTestId('series-day');
    await cells.first().getByTestId('occurrence').waitFor();
    const days = await cells.evaluateAll((els) =>
      els.map((el) => ({
        day: el.getAttribute('data-day') ?? '',
        status: el.querySelector('[data-testid="occurrence"]')?.getAttribute('data-status'),
        leaders: el.querySelectorAll('[data-testid="occurrence-leader"]').length,
        headcount: el.querySelector('[data-testid="occurrence-headcount"]')?.textContent ?? null,
      })),
    );
    expect(days.length).toBeGreaterThanOrEqual(28);
    // Every evening of the month happens (the square is daily) and has its duty pair.
    expect(days.filter((d) => d.status === undefined)).toEqual([]);
    expect(days.filter((d) => d.status === 'scheduled' && d.leaders !== 2)).toEqual([]);
    // The evenings gone by have the headcount the pair recorded (the demo's 260–350).
    const past = days.filter((d) => d.day < today && d.status === 'scheduled');
    if (!today.endsWith('-01-01')) expect(past.length).toBeGreaterThan(0);
    for (const d of past) {
      const count = Number(/到场 (\d+) 人/.exec(d.headcount ?? '')?.[1]);
      expect(count, d.day).toBeGreaterThanOrEqual(200);
      expect(count, d.day).toBeLessThanOrEqual(400);
    }
    // Evenings gone by cannot be called off any more; today's and later ones can.
    for (const d of past.slice(0, 3)) expect(await day(page, d.day).getByTestId('call-off-day').count()).toBe(0);
    await screenshot(page, 'staff-square-month');
    await context.close();
  });

  it('staff call an evening off with a reason and the day says 取消', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/events/square');
    await page.getByTestId('series-page').waitFor();
    const evening = day(page, lastDay);
    await evening.getByTestId('occurrence-status').filter({ hasText: '在办' }).waitFor();
    await evening.getByTestId('call-off-day').click();
    // A reason is required.
    await page.getByTestId('call-off-day-confirm').click();
    await page.getByText('请填写取消原因').waitFor();
    await page.getByTestId('call-off-day-reason').fill('下雨');
    await page.getByTestId('call-off-day-confirm').click();
    await evening.getByTestId('occurrence-status').filter({ hasText: '取消' }).waitFor();
    expect(await evening.getByTestId('occurrence-reason').innerText()).toBe('原因：下雨');
    expect(await evening.getByTestId('call-off-day').count()).toBe(0);
    await screenshot(page, 'staff-square-called-off');
    await context.close();
  });

  it('the bank that lends the square sees it, and the lecture held there, on its phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'partner');
    await page.getByTestId('tab:/venue-events').click();
    await page.getByTestId('venue-events-page').waitFor();
    expect(await page.getByTestId('page-title').innerText()).toBe('我方场地上的活动');
    const series = page.getByTestId('venue-series').filter({ hasText: SQUARE });
    await series.waitFor();
    expect(await series.getByTestId('venue-series-words').innerText()).toBe('每晚 19:00–21:30，约 300 人');
    expect(await series.innerText()).toContain('县工商银行门前广场');
    const lecture = page.getByTestId('venue-event').filter({ hasText: LECTURE });
    await lecture.waitFor();
    expect(await lecture.innerText()).toMatch(/19:00–21:00/);
    expect(await lecture.innerText()).toContain('约 150 人');
    // Nothing personal: no names of who comes, no leaders.
    expect(await page.locator('body').innerText()).not.toContain('组长');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'partner-venue-events');
    await context.close();
  });

  it('a resident on a phone sees the square’s month without leader names, the evening called off, and a public calendar link', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.getByTestId('tab:/events').click();
    await page.getByTestId('events-page').waitFor();
    // The community's public calendar: no login needed to read it.
    const url = (await page.getByTestId('public-calendar-url').inputValue()).trim();
    expect(url).toMatch(/\/api\/v1\/calendar\/public\/[0-9a-f-]+\.ics$/);
    expect(await page.getByTestId('public-calendar-webcal').getAttribute('href')).toBe(url.replace(/^https?:\/\//, 'webcal://'));
    const feed = await fetch(new URL(new URL(url).pathname, baseURL()));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(SQUARE);

    await page.getByTestId('recurring').getByRole('link', { name: SQUARE }).click();
    await page.getByTestId('series-page').waitFor();
    // On a phone the month is a list of days, from today on; tonight is there.
    await day(page, today).getByTestId('occurrence').waitFor();
    await day(page, lastDay).getByTestId('occurrence-status').filter({ hasText: '取消' }).waitFor();
    expect(await day(page, lastDay).getByTestId('occurrence-reason').innerText()).toBe('原因：下雨');
    if ((await page.getByTestId('show-past-days').count()) > 0) {
      await page.getByTestId('show-past-days').click();
      await day(page, `${today.slice(0, 8)}01`)
        .getByTestId('occurrence')
        .waitFor();
    }
    expect(await page.getByTestId('series-day').count()).toBeGreaterThanOrEqual(28);
    expect(await page.getByTestId('occurrence-status').filter({ hasText: '在办' }).count()).toBeGreaterThan(0);
    // Residents see no leaders and cannot call an evening off.
    expect(await page.getByTestId('occurrence-leader').count()).toBe(0);
    expect(await page.getByTestId('call-off-day').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'resident-square-month');
    await context.close();
  });

  it('a leader on a phone takes the called-off evening back, after a confirmation, and it is on again', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    await page.goto('/events/square');
    await page.getByTestId('series-page').waitFor();
    const evening = day(page, lastDay);
    await evening.getByTestId('occurrence-status').filter({ hasText: '取消' }).waitFor();
    await evening.getByTestId('restore-day').click();
    await page.getByTestId('restore-day-confirm').click();
    await evening.getByTestId('occurrence-status').filter({ hasText: '在办' }).waitFor();
    expect(await evening.getByTestId('occurrence-reason').count()).toBe(0);
    expect(await evening.getByTestId('restore-day').count()).toBe(0);
    // It may be called off again.
    await evening.getByTestId('call-off-day').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
