// Older residents: a group leader on a 360 px phone opens 走访, records a visit in three taps (the
// person, 身体好, 保存) and sees it counted, with no disability shown to them; staff at a desk see
// the campaign's progress per group with that visit in the worklist (改派 offers staff and the
// group leaders), open an assistance case for someone a visit found needing help, list the 80+,
// register a 优待证 application for someone without a card and record the card issued.
// The demo's 2026年重阳节走访 is used when the leader's group still has someone to visit in it;
// otherwise the test starts a campaign of its own (a unique name, the festival today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, launch, logIn, newPage, PHONE, screenshot, seriousViolations } from './browser';

let browser: Browser;
let campaignName = '';
let campaignId = '';
/** The person the leader visits, and the one staff register for a card. */
let visited = '';
let cardHolder = '';

interface Campaign {
  id: string;
  name: string;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

beforeAll(async () => {
  browser = await launch();
  const staff = await apiAs('staff');
  const leader = await apiAs('leader');
  // The leader's page shows the newest campaign: it needs someone in group 1 not yet visited.
  const campaigns = await leader<Campaign[]>('GET', '/api/v1/visit-campaigns');
  const newest = campaigns[0];
  const open = newest
    ? (await leader<{ visited_on: string | null }[]>('GET', `/api/v1/visit-campaigns/${newest.id}/visits`)).some((v) => !v.visited_on)
    : false;
  if (newest && open) {
    campaignName = newest.name;
    campaignId = newest.id;
  } else {
    const created = await staff<Campaign>('POST', '/api/v1/visit-campaigns', {
      name: `走访测试${Date.now()}`,
      festival_on: today(),
      resident_min_age: 80,
      cadre_min_age: 70,
    });
    campaignName = created.name;
    campaignId = created.id;
  }
});
afterAll(async () => {
  await browser?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** "已走访 12 / 18" as [12, 18]. */
async function progress(locator: Locator): Promise<[number, number]> {
  const match = /已走访 (\d+) \/ (\d+)/.exec(await locator.innerText());
  expect(match).not.toBeNull();
  return [Number(match?.[1]), Number(match?.[2])];
}

/** The list row of a person. */
function rowOf(page: Page, name: string): Locator {
  return page.getByTestId('elderly-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Chooses an option of a filter by typing it. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(option);
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

describe('older residents', () => {
  it('a leader on a phone opens 走访 and records a visit in three taps, and sees it counted', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    // The home page says how many are left.
    await page.getByTestId('visits-left-widget').getByTestId('visits-left').filter({ hasText: '未走访' }).waitFor();
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/visits').click();
    await page.getByTestId('my-visits-page').waitFor();
    await page.getByTestId('page-title').filter({ hasText: campaignName }).waitFor();
    const line = page.getByTestId('my-visits-progress').getByTestId('progress-text');
    await line.waitFor();
    const [before, total] = await progress(line);
    expect(total).toBeGreaterThan(before);
    // Leaders never see a disability.
    expect(await page.getByTestId('disabled-mark').count()).toBe(0);

    // The people still to visit come first.
    const person = page.locator('[data-testid="person-card"][data-visited="false"]').first();
    visited = (await person.getByTestId('person-name').innerText()).trim();
    await person.click(); // 1: the person
    const sheet = page.locator('.ant-drawer-content');
    await sheet.getByText('老人身体怎么样？').waitFor();
    await sheet.getByTestId('condition-good').click(); // 2: how they are
    await sheet.getByTestId('condition-good').and(page.locator('[aria-pressed="true"]')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'leader-visit-sheet');
    await sheet.getByTestId('save-sheet').click(); // 3: save
    await sheet.waitFor({ state: 'hidden' });

    await line.filter({ hasText: `已走访 ${before + 1} / ${total}` }).waitFor();
    const card = page.locator('[data-testid="person-card"][data-visited="true"]').filter({ hasText: visited });
    await card.getByTestId('person-visited').waitFor();
    await card.getByTestId('condition').filter({ hasText: '身体好' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'leader-visits');

    // Home counts one fewer left (and, everyone visited a month after the festival, says no more).
    await page.getByTestId('tab:/').click();
    await page.getByTestId('home-link:/visits').waitFor();
    const left = total - before - 1;
    if (left > 0)
      await page
        .getByTestId('visits-left')
        .filter({ hasText: `还有${left}位未走访` })
        .waitFor();
    else await page.getByTestId('visits-left-widget').waitFor({ state: 'detached' });
    await context.close();
  });

  it('staff see the campaign’s progress per group, with the visit in the worklist', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.getByTestId('visit-progress-widget').waitFor();
    await page.getByTestId('side-nav').getByText('老年人服务').click();
    await page.getByTestId('side-nav').getByText('节日走访').click();
    await page.getByTestId('campaigns-page').waitFor();
    const row = page.getByTestId('campaign-row').filter({ hasText: campaignName });
    await row.getByTestId('progress-text').waitFor();
    await row.getByRole('link', { name: campaignName }).click();
    await page.getByTestId('campaign-page').waitFor();
    await page.getByTestId('campaign-progress').getByTestId('progress-text').waitFor();
    // The per-group figures, as the chart's table.
    await page.getByTestId('group-progress-chart').waitFor();
    await page.getByTestId('group-progress-chart-toggle').getByText('表格').click();
    await page.getByTestId('group-progress-chart-table').getByText('第1组').waitFor();

    await page.getByTestId('visit-group-filter').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^第1组$/ })
      .click();
    const visit = page.getByTestId('visit-row').filter({ hasText: visited });
    await visit.getByTestId('visited').waitFor();
    await visit.getByTestId('condition').filter({ hasText: '身体好' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-campaign');

    // 改派 offers the other staff and the group leaders (with their group).
    await visit.getByTestId('assign-visitor').click();
    await page.getByRole('dialog').getByTestId('visitor-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '陈建华' }).first().waitFor();
    await page.locator('.ant-select-item-option').filter({ hasText: '· 第1组' }).first().waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消|Cancel/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await context.close();
  });

  it('a visit to follow up opens an assistance case for that person', async () => {
    // Someone outside the leader's group who needs help (recorded now if nobody does yet).
    const staff = await apiAs('staff');
    type V = { id: string; name: string; resident_id: string; group_number: number; visited_on: string | null; version: number };
    const visits = await staff<V[]>('GET', `/api/v1/visit-campaigns/${campaignId}/visits?follow_up=true`);
    let person = visits[0];
    if (!person) {
      const all = await staff<V[]>('GET', `/api/v1/visit-campaigns/${campaignId}/visits`);
      const other = all.find((v) => !v.visited_on && v.group_number !== 1) ?? all.find((v) => v.group_number !== 1);
      expect(other).toBeDefined();
      person = other as V;
      await staff('POST', `/api/v1/visit-campaigns/${campaignId}/visits/${person.id}/record`, {
        version: person.version,
        condition: 'poor',
        follow_up: true,
        note: '行动不便，家中无人照料。',
      });
    }
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto(`/elderly/visits/${campaignId}`);
    await page.getByTestId('campaign-page').waitFor();
    await page.getByTestId('follow-up-only').click();
    const row = page.getByTestId('visit-row').filter({ hasText: person.name }).first();
    await row.getByTestId('follow-up-mark').first().waitFor();
    await row.getByTestId('open-case').click();

    // The wizard knows the applicant and starts at the kind.
    await page.getByTestId('new-case-page').waitFor();
    expect(new URL(page.url()).searchParams.get('applicant')).toBe(person.resident_id);
    await page.getByTestId('preset-applicant').filter({ hasText: person.name }).waitFor();
    await page.getByTestId('kind-temporary_relief').getByRole('radio').check();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('case-applicant').filter({ hasText: person.name }).waitFor();
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('case-choice').filter({ hasText: person.name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('submit-case').click();
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('page-title').filter({ hasText: person.name }).waitFor();
    await context.close();
  });

  it('staff list the 80+, register a 优待证 application and record the card issued', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/elderly');
    await page.getByTestId('elderly-page').waitFor();
    await page.getByTestId('elderly-age-chart').waitFor();
    await page.getByTestId('figure-issued').waitFor();

    await page.getByTestId('band-80').click();
    await page.waitForURL(/band=80/);
    await choose(page, 'card-filter', '未登记');
    await page.waitForURL(/card=none/);
    const first = page.getByTestId('elderly-row').first();
    await first.getByTestId('apply-card').waitFor();
    // Oldest first, everyone 80 or over.
    const text = await first.innerText();
    expect(Number(/(\d+)岁/.exec(text)?.[1])).toBeGreaterThanOrEqual(80);
    cardHolder = (await first.getByRole('link').first().innerText()).trim();
    // Their group keeps the lists short.
    const group = /第\d+组/.exec(text)?.[0] ?? '';
    await choose(page, 'group-filter', group);
    await page.waitForURL(/group_id=/);
    const row = rowOf(page, cardHolder);
    await row.getByTestId('apply-card').click();
    await page.getByTestId('confirm-apply').click();
    await page.getByText(`已为${cardHolder}登记申请`).waitFor();

    // The application waits for its card.
    await choose(page, 'card-filter', '已申请');
    await page.waitForURL(/card=applied/);
    await row.getByTestId('card-status').filter({ hasText: '已申请' }).waitFor();
    await row.getByTestId('issue-card').click();
    const dialog = page.getByRole('dialog');
    const number = `ZJ${Date.now()}`;
    await dialog.getByTestId('card-number').fill(number);
    await dialog.getByTestId('save-issue').click();
    await page.getByText(`已为${cardHolder}登记发证`).waitFor();

    await choose(page, 'card-filter', '已发证');
    await page.waitForURL(/card=issued/);
    await row.getByTestId('card-number-value').filter({ hasText: number }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-elderly');
    await context.close();
  });

  it('staff see the year’s birthdays before the batch, and the list for the county office', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'staff');
    await page.goto('/elderly/cards');
    await page.getByTestId('elderly-cards-page').waitFor();
    await page.getByTestId('turning-counts').filter({ hasText: '今年满60周岁' }).waitFor();
    await page.getByTestId('batch-cards').click();
    // KeyboardPopconfirm opens on 取消: Esc closes it without registering anyone.
    await page
      .getByRole('button', { name: /取\s*消/ })
      .and(page.locator(':focus'))
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('batch-cards').and(page.locator(':focus')).waitFor();
    await page.getByTestId('batch-cards').click();
    await page.getByTestId('confirm-batch').click();
    await page.getByTestId('batch-result').filter({ hasText: '新登记' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-applied').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-elderly-cards-phone');
    await context.close();
  });
});
