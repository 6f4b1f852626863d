// Teams and notifications: a resident on a phone asks to join 腰鼓队 for herself (her household has
// four people, so she says for whom) and sees 申请中; staff at a desk open the team, answer the
// request and record equipment a partner gave; the resident then sees 已加入, the bell counts the
// decision, and opening the notification shows the team and takes the count down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, launch, logIn, newPage, noSidewaysScroll, PHONE, screenshot, seriousViolations } from './browser';

const TEAM = '腰鼓队';
const RESIDENT = '张秀英';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function unread(page: Page): Promise<number> {
  return Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));
}

describe('teams and notifications', () => {
  it('a resident on a phone asks to join 腰鼓队 for herself and sees 申请中', async () => {
    // Start from nothing unread (other tests on this server may have told her of other things).
    await (
      await apiAs('resident')
    )('POST', '/api/v1/notifications/read-all');
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.getByTestId('notification-bell').waitFor();
    expect(await unread(page)).toBe(0);
    // Teams sit under 更多 on a resident's phone.
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/teams').click();
    await page.getByTestId('teams-page').waitFor();
    // She dances with 民众文艺活动队 already.
    await page.getByTestId('team-card').filter({ hasText: '民众文艺活动队' }).getByTestId('household-standing').filter({ hasText: '已加入' }).waitFor();
    const card = page.getByTestId('team-card').filter({ hasText: TEAM });
    expect(await card.getByTestId('household-standing').count()).toBe(0);
    await card.getByTestId('join').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('替谁申请？').waitFor();
    await dialog.getByLabel(`${RESIDENT}（户主）`).check();
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await card
      .getByTestId('household-standing')
      .filter({ hasText: `${RESIDENT}申请中` })
      .waitFor();
    await card.getByTestId('withdraw').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'resident-teams');
    await context.close();
  });

  it('staff at a desk open 腰鼓队, approve the request and record equipment a partner gave', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.getByTestId('side-nav').getByText('文体队伍').click();
    const row = page.getByTestId('team-row').filter({ hasText: TEAM });
    await row.waitFor();
    await row.getByRole('link', { name: TEAM }).click();
    await page.getByTestId('team-page').waitFor();
    const before = Number((await page.getByTestId('member-count').innerText()).match(/\d+/)?.[0]);
    const request = page.getByTestId('request-row').filter({ hasText: RESIDENT });
    await request.getByRole('button', { name: `同意：${RESIDENT}` }).click();
    await page.getByTestId('member-row').filter({ hasText: RESIDENT }).waitFor();
    expect(await request.count()).toBe(0);
    await page
      .getByTestId('member-count')
      .filter({ hasText: `${before + 1} 名队员` })
      .waitFor();
    // The drum set the community bought is listed; a flag from a partner's goods pledge is added.
    await page.getByTestId('equipment-row').filter({ hasText: '腰鼓 20 面' }).filter({ hasText: '1,600 元' }).waitFor();
    await page.getByTestId('equipment-name').fill('队旗 2 面');
    await page.getByTestId('equipment-pledge').click();
    const option = page.locator('.ant-select-item-option').first();
    const partner = ((await option.innerText()).split('：')[0] ?? '').trim();
    expect(partner).not.toBe('');
    await option.click();
    await page.getByTestId('add-equipment').click();
    await page
      .getByTestId('equipment-row')
      .filter({ hasText: '队旗 2 面' })
      .filter({ hasText: `${partner}捐赠` })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-team');
    await context.close();
  });

  it('staff start a team with a leader found by name, then change when it practises', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/teams');
    await page.getByTestId('new-team').click();
    await page.getByTestId('team-form').waitFor();
    await page.getByTestId('team-name').fill('太极拳队');
    await page.getByTestId('team-schedule').fill('每天早上 6:30 广场南侧');
    await page.getByTestId('team-leader').locator('input').fill(RESIDENT);
    await page.locator('.ant-select-item-option').filter({ hasText: RESIDENT }).first().click();
    await page.getByTestId('submit-team').click();
    await page.getByTestId('team-page').waitFor();
    await page.getByTestId('page-title').filter({ hasText: '太极拳队' }).waitFor();
    await page.getByTestId('team-info').filter({ hasText: RESIDENT }).waitFor();

    await page.getByTestId('edit-team').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('team-schedule').fill('每天早上 6:00 广场南侧');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByTestId('team-info').filter({ hasText: '每天早上 6:00 广场南侧' }).waitFor();
    await page.getByTestId('team-info').filter({ hasText: RESIDENT }).waitFor();
    await context.close();
  });

  it('the resident sees 已加入, and the notification of it; opening it shows the team and counts it read', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    const bell = page.getByTestId('notification-bell');
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === '1');
    expect(await bell.getAttribute('aria-label')).toBe('通知，1 条未读');
    // The home page lists it among the unread.
    await page
      .getByTestId('notifications-widget-item')
      .filter({ hasText: `${RESIDENT} 已加入${TEAM}` })
      .waitFor();

    await bell.click();
    await page.getByTestId('notifications-page').waitFor();
    const item = page.getByTestId('notification').filter({ hasText: `${RESIDENT} 已加入${TEAM}` });
    await item.getByTestId('unread-mark').waitFor();
    expect(await item.getByTestId('notification-kind').innerText()).toContain('入队结果');
    await noSidewaysScroll(page);
    await screenshot(page, 'resident-notifications');
    await item.getByTestId('open-notification').click();

    // The team's page, her household a member now; the badge is down.
    await page.getByTestId('team-page').waitFor();
    await page.getByTestId('page-title').filter({ hasText: TEAM }).waitFor();
    await page
      .getByTestId('household-standing')
      .filter({ hasText: `${RESIDENT}已加入` })
      .waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread') === '0');
    expect(await bell.getAttribute('aria-label')).toBe('通知，没有未读');
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/notifications');
    await page
      .getByTestId('notification')
      .filter({ hasText: `${RESIDENT} 已加入${TEAM}` })
      .and(page.locator('[data-read="true"]'))
      .waitFor();
    await context.close();
  });
});
