// Assistance cases: staff at a desk open a 低保 case for 张秀英 through the wizard (applied two
// weeks ago, the dates entered in the forms), finish 提出申请 and 受理, record the home survey
// with two surveyors, finish the survey and 初审 with a proposed amount, print the 公示 — the
// applicant's name, household size and amount, and neither an ID number nor the address — and,
// the 7 days over, record the approval (the assignee chosen among the staff; the director, a
// supervisor, registers conflicts of interest). A group leader sees the cases shared with the
// group, and the family sees its case approved, on a 360 px phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInCommunity } from '@/lib/dates';
import { apiAs, launch, logIn, newPage, noSidewaysScroll, PHONE, screenshot, seriousViolations } from './browser';

const APPLICANT = '张秀英';
const AMOUNT = '736.50';
const TODAY = todayInCommunity();
const APPLIED = addDays(TODAY, -14);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the case is at the step with this key. */
async function atStep(page: Page, key: string) {
  await page.locator(`[data-testid="step-${key}"][data-state="current"]`).waitFor();
}

/** 完成本步 on the given day, through the move's dialog. */
async function advance(page: Page, on: string, next: string) {
  await page.getByTestId('action-advance').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('move-on').fill(on);
  await dialog.getByTestId('confirm-move').click();
  await atStep(page, next);
  await dialog.waitFor({ state: 'detached' });
}

let caseUrl = '';

describe('assistance cases', () => {
  it('staff open a 低保 case through the wizard and take it through the survey, the 公示 and the approval', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    // The home widget leads to the cases.
    await page.getByTestId('assistance-widget').waitFor();
    await page.getByTestId('side-nav').getByText('帮扶救助').click();
    await page.getByTestId('side-nav').getByText('帮扶案件').click();
    await page.getByTestId('cases-page').waitFor();
    await page.getByTestId('new-case').click();

    // 1: the kind, with its approving body and steps.
    await page.getByTestId('new-case-page').waitFor();
    const dibao = page.getByTestId('kind-dibao');
    await dibao.filter({ hasText: '县民政局' }).filter({ hasText: '社区公示' }).waitFor();
    await dibao.getByRole('radio').check();
    await page.getByTestId('wizard-next').click();
    // 2: the applicant, found by name.
    await page.getByTestId('case-applicant').locator('input').fill(APPLICANT);
    await page.locator('.ant-select-item-option').filter({ hasText: APPLICANT }).first().click();
    await page.getByTestId('wizard-next').click();
    // 3: the details, applied two weeks ago.
    await page.getByTestId('case-summary').fill('独居老人，退休金低，今年住院两次，医疗支出大。');
    await page.getByTestId('case-opened-on').fill(APPLIED);
    await page.getByTestId('submit-case').click();

    await page.getByTestId('case-page').waitFor();
    await page
      .getByTestId('page-title')
      .filter({ hasText: `最低生活保障 · ${APPLICANT}` })
      .waitFor();
    caseUrl = new URL(page.url()).pathname;
    await atStep(page, 'apply');
    await advance(page, APPLIED, 'accept');
    await advance(page, addDays(APPLIED, 1), 'survey');

    // The survey step cannot be finished before the home survey is recorded.
    await page.getByTestId('step-blocker').filter({ hasText: '入户调查' }).waitFor();
    await page.getByTestId('entry-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '入户调查' }).click();
    const surveyors = page.getByTestId('entry-surveyors').locator('input');
    for (const name of ['李明', '王芳']) {
      await surveyors.fill(name);
      await surveyors.press('Enter');
    }
    await surveyors.press('Escape');
    await page.getByTestId('entry-signed').getByLabel('是').check();
    await page.getByTestId('entry-date').fill(addDays(APPLIED, 1));
    await page.getByTestId('entry-body').fill('入户查看居住和收入情况，家属在场并签字。');
    await page.getByTestId('add-entry').click();
    await page.locator('[data-testid="timeline-entry"][data-kind="survey"]').filter({ hasText: '调查人：李明、王芳' }).waitFor();
    await page.getByTestId('step-blocker').waitFor({ state: 'detached' });
    await advance(page, addDays(APPLIED, 2), 'first_review');

    // The case can go to any staff member; only supervisors register a conflict of interest.
    await page.getByTestId('case-assignee').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '陈建华' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('case-conflict-user').count()).toBe(0);

    // The proposed amount goes on the 公示.
    await page.getByLabel('拟救助金额').fill(AMOUNT);
    await page.getByTestId('save-settings').click();
    await page
      .getByTestId('case-amount')
      .filter({ hasText: `¥${AMOUNT}` })
      .waitFor();
    await advance(page, addDays(APPLIED, 4), 'publicity');

    const address = (await page.getByTestId('case-address').getAttribute('data-address')) ?? '';
    const size = (await page.getByTestId('case-household-size').getAttribute('data-size')) ?? '';
    expect(address).not.toBe('');
    expect(Number(size)).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-case');

    // The 公示: name, household size and amount only.
    await page.getByTestId('print-publicity').click();
    const notice = page.getByTestId('publicity-notice');
    await notice.waitFor();
    expect(await notice.locator('h1').innerText()).toContain('最低生活保障公示');
    expect(await page.getByTestId('publicity-name').innerText()).toBe(APPLICANT);
    expect(await page.getByTestId('publicity-size').innerText()).toBe(size);
    expect(await page.getByTestId('publicity-amount').innerText()).toBe(AMOUNT);
    const text = await notice.innerText();
    expect(text).toContain('元/月');
    expect(text).not.toContain(address);
    expect(text).not.toMatch(/\d{6}\*{4,}|\d{17}[\dXx]/);
    await page.getByTestId('print').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('side-nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-case-publicity');

    // Seven days on, the 公示 ends and the 县民政局 decides.
    await page.goto(caseUrl);
    await atStep(page, 'publicity');
    await advance(page, TODAY, 'decision');
    await page.getByTestId('action-approve').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('金额').inputValue()).toBe(AMOUNT);
    await dialog.getByTestId('move-note').fill('县民政局审核确认。');
    await dialog.getByTestId('confirm-move').click();
    await page.getByTestId('case-header').getByTestId('case-status').filter({ hasText: '已批准' }).waitFor();
    await page
      .getByTestId('case-decision')
      .filter({ hasText: `已批准，每月¥${AMOUNT}` })
      .waitFor();
    await context.close();
  });

  it('the director, a supervisor, can register a conflict of interest with a colleague', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'director');
    await page.goto(caseUrl);
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('case-conflict-user').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '我（陈建华' }).waitFor();
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('a group leader on a phone sees the cases staff shared with the group, without details', async () => {
    // Staff share an open case of the leader's group (when there is one) with its leader.
    const staff = await apiAs('staff');
    const leader = await apiAs('leader');
    const me = await leader<{ id: string }>('GET', '/api/v1/me');
    const groups = await staff<{ id: string; leader_user_id?: string | null }[]>('GET', '/api/v1/groups');
    const group = groups.find((g) => g.leader_user_id === me.id);
    if (group) {
      type Row = { id: string; version: number };
      const open = (await staff<{ items: Row[] }>('GET', `/api/v1/cases?group_id=${group.id}&status=open`)).items[0];
      if (open) await staff('PUT', `/api/v1/cases/${open.id}`, { version: open.version, shared_with_leader: true });
    }
    const shared = (await leader<{ items: { kind_name: string; applicant_name: string }[] }>('GET', '/api/v1/cases')).items;
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/group-cases').click();
    await page.getByTestId('group-cases-page').waitFor();
    if (shared[0]) {
      await page.getByTestId('group-case').filter({ hasText: shared[0].kind_name }).filter({ hasText: shared[0].applicant_name }).first().waitFor();
      expect(await page.getByTestId('group-case').count()).toBe(Math.min(shared.length, 50));
      // No case page for leaders: nothing to open.
      expect(await page.getByTestId('group-case').getByRole('link').count()).toBe(0);
    } else {
      await page.getByTestId('group-cases-empty').filter({ hasText: '家庭同意后' }).waitFor();
    }
    expect(await page.locator('body').innerText()).not.toMatch(/¥\d/);
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'leader-group-cases');
    await context.close();
  });

  it('the family sees its case approved on a phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/my/cases').click();
    await page.getByTestId('my-cases-page').waitFor();
    const card = page
      .getByTestId('my-case')
      .filter({ hasText: '最低生活保障' })
      .filter({ hasText: `每月¥${AMOUNT}` });
    await card.waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'resident-my-cases');
    await card.getByRole('link').click();
    await page.getByTestId('my-case-page').waitFor();
    await page
      .getByTestId('my-case-state')
      .filter({ hasText: `已批准，每月¥${AMOUNT}` })
      .waitFor();
    await page.locator('[data-testid="step-survey"][data-state="done"]').waitFor();
    // Internal notes stay with staff.
    expect(await page.locator('body').innerText()).not.toContain('入户查看居住和收入情况');
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'resident-my-case');
    await context.close();
  });
});
