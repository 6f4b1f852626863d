// Help requests: a resident on a 360 px phone asks for a repair with a photo (a file over 2 MB is
// refused before sending) and finds it in 我的求助; staff at a desk find it in the queue, see the
// caller's phone in full for a stated reason, assign it to themselves, note something internal,
// are told when a colleague moved it meanwhile (412), and resolve it with an answer the resident
// reads; the resident sees the answer (not the internal note) and rates it 很满意, which closes it. The
// hotline intake is filled in and sent with the keyboard alone, and a group leader files a
// request for a resident of the group. Pages are checked with axe, phones for sideways scrolling.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, launch, logIn, newPage, noSidewaysScroll, PHONE, screenshot, seriousViolations } from './browser';

interface Category {
  code: string;
  name: string;
  kind: string;
  questions: { code: string; required: boolean; choices: { key: string; name: string }[] }[];
}

const STAMP = Date.now().toString(36);
const DESCRIPTION = `楼道灯坏了，晚上看不见台阶（测试${STAMP}）`;
const RESOLUTION = `已更换楼道灯泡，物业检查了线路（${STAMP}）`;
const INTERNAL = `内部：物业说灯泡库存不足（${STAMP}）`;
const FOR_RESIDENT = `组长代报：老人家里水龙头坏了（${STAMP}）`;

let browser: Browser;
let categories: Category[] = [];
beforeAll(async () => {
  browser = await launch();
  const resident = await apiAs('resident');
  categories = (await resident<{ categories: Category[] }>('GET', '/api/v1/handbook')).categories;
});
afterAll(async () => {
  await browser?.close();
});

/** A category without required questions, preferably a repair (the form needs no more). */
function plainCategory(): Category {
  const plain = categories.filter((c) => c.questions.every((q) => !q.required));
  const pick = plain.find((c) => c.kind === 'repair') ?? plain[0] ?? categories[0];
  if (!pick) throw new Error('the demo handbook has no categories');
  return pick;
}

/** A small valid PNG (an 8×8 red square), made here so the test needs no file. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [0xcc, 0x22, 0x22]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Answers whatever questions the chosen category asks (the first choice, or a few words). */
async function answerQuestions(page: Page, category: Category) {
  for (const q of category.questions) {
    const field = page.getByTestId(`question-${q.code}`);
    if (q.choices[0]) await field.getByText(q.choices[0].name, { exact: true }).click();
    else await field.fill('一楼');
  }
}

let requestPath = '';
let requestNumber = '';

describe('help requests', () => {
  it('a resident on a phone asks for a repair with a photo and finds it in 我的求助', async () => {
    const category = plainCategory();
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/my/requests').click();
    await page.getByTestId('my-requests-page').waitFor();
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('new-request').click();
    await page.getByTestId('new-request-page').waitFor();
    await page.getByTestId('kind-buttons').getByText('报修', { exact: true }).click();
    await page.getByTestId(`category-${category.code}`).click();
    await page.getByTestId('category-limits').waitFor();
    await answerQuestions(page, category);
    await page.getByTestId('request-description').fill(DESCRIPTION);
    await page.getByTestId('request-address').fill('朝阳路12号3单元');

    // A photo over 2 MB is refused here, in words, before anything is sent.
    const input = page.getByTestId('photo-input');
    await input.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(2 * 1024 * 1024 + 10) });
    await page.getByTestId('photo-problem').filter({ hasText: '超过2MB' }).waitFor();
    await input.setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: png() });
    await page.getByTestId('photo-previews').locator('img').waitFor();
    await page.getByTestId('photo-problem').waitFor({ state: 'detached' });
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'resident-new-request');

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/help-requests') && r.request().method() === 'POST');
    await page.getByTestId('submit-request').click();
    const response = await created;
    expect(response.status()).toBe(201);
    requestNumber = ((await response.json()) as { number: string }).number;
    await page.getByTestId('my-request-page').waitFor();
    await page.getByTestId('family-state').filter({ hasText: '已收到' }).waitFor();
    // The photo comes back through the token-carrying fetch.
    await expect
      .poll(() =>
        page
          .getByTestId('request-photos')
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(8);
    requestPath = new URL(page.url()).pathname;
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/my/requests');
    await page.getByTestId('request-card').filter({ hasText: DESCRIPTION }).filter({ hasText: '已收到' }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'resident-my-requests');
    await context.close();
  });

  it('staff find it in the queue, assign it to themselves and resolve it', async () => {
    const id = requestPath.split('/').pop() ?? '';
    expect(id).not.toBe('');
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.getByTestId('help-requests-widget').waitFor();
    await page.getByTestId('side-nav').getByText('求助服务').click();
    await page.getByTestId('side-nav').getByText('求助工单').click();
    await page.getByTestId('requests-page').waitFor();
    await page.getByTestId('request-row').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-request-queue');

    // Found by its number (what a caller quotes on the phone).
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/help-requests?') && r.url().includes(`q=${encodeURIComponent(requestNumber)}`));
    await page.locator('#request-filter-q').fill(requestNumber);
    await page.locator('#request-filter-q').press('Enter');
    expect((await searched).status()).toBe(200);
    await expect.poll(() => page.getByTestId('request-row').count()).toBe(1);
    const row = page.getByTestId('request-row').filter({ hasText: requestNumber }).filter({ hasText: '楼道灯坏了' });
    await row.waitFor();
    await row.getByTestId('time-left').waitFor();
    await row.getByTestId('request-number').click();
    await page.waitForURL(`**/help-requests/${id}`);
    await page.getByTestId('request-page').waitFor();
    await page.getByTestId('request-description').filter({ hasText: DESCRIPTION }).waitFor();
    await page.getByTestId('request-photos').locator('img').waitFor();

    // Nobody works it yet: the caller's phone is masked, shown in full for a stated reason.
    await page.getByTestId('caller-phone').filter({ hasText: '****' }).waitFor();
    await page.getByTestId('reveal-phone').click();
    await page.getByTestId('reveal-reason').fill('需要回电了解灯的位置');
    await page.getByTestId('reveal-confirm').click();
    await expect.poll(async () => (await page.getByTestId('revealed-phone').innerText()).replace(/\D/g, '').length).toBeGreaterThanOrEqual(5);

    // 派单 to oneself (the dialog offers "我" first).
    await page.getByTestId('action-assign').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('move-assignee').filter({ hasText: '我（' }).waitFor();
    await dialog.getByTestId('confirm-move').click();
    await page.getByTestId('request-header').locator('[data-testid="request-status"][data-status="assigned"]').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // An internal note, marked 内部.
    await page.getByTestId('note-body').fill(INTERNAL);
    await page.getByTestId('add-note').click();
    await page.getByTestId('timeline-item').filter({ hasText: INTERNAL }).getByTestId('internal-mark').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-request');

    // A colleague starts it meanwhile: the page's move, on the old version, is refused (412);
    // the page says so and shows the request as it is now.
    const staff = await apiAs('staff');
    const current = await staff<{ version: number }>('GET', `/api/v1/help-requests/${id}`);
    await staff('POST', `/api/v1/help-requests/${id}/start`, { version: current.version, note: '同事已开始办理' });
    await page.getByTestId('action-resolve').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('move-resolution').fill(RESOLUTION);
    await dialog.getByTestId('confirm-move').click();
    await page.locator('.ant-message').filter({ hasText: '刚被别人改过' }).waitFor();
    await page.getByTestId('request-header').locator('[data-testid="request-status"][data-status="in_progress"]').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // 办结 with the answer the resident will read.
    await page.getByTestId('action-resolve').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('move-resolution').fill(RESOLUTION);
    await dialog.getByTestId('confirm-move').click();
    await page.getByTestId('request-header').locator('[data-testid="request-status"][data-status="resolved"]').waitFor();
    await page.getByTestId('request-resolution').filter({ hasText: RESOLUTION }).waitFor();
    await page.getByTestId('followup-due').waitFor();
    await context.close();
  });

  it('the resident reads the answer, without the internal note, and rates it 很满意: closed', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await page.goto(requestPath);
    await page.getByTestId('my-request-page').waitFor();
    await page.getByTestId('family-resolution').filter({ hasText: RESOLUTION }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(INTERNAL);
    await page.getByTestId('rate-card').waitFor();
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'resident-request-resolved');

    await page.getByTestId('satisfaction-5').click();
    await page.getByTestId('rate-comment').fill('修得很快，谢谢！');
    await page.getByTestId('rate-submit').click();
    await page.locator('[data-testid="request-status"][data-status="closed"]').waitFor();
    await page.getByTestId('family-satisfaction').filter({ hasText: '很满意' }).waitFor();
    await page.getByTestId('rate-card').waitFor({ state: 'detached' });
    await noSidewaysScroll(page);
    await context.close();
  });

  it('the hotline intake is filled in and registered with the keyboard alone', async () => {
    const category = plainCategory();
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/help-requests/intake');
    await page.getByTestId('intake-form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The look-up has the focus; the caller is not registered, so Tab on to the name.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('hotline-intake_resident_id');
    const focusedTestId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.id);
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('intake-caller-name');
    await page.keyboard.type('赵大爷');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('intake-caller-phone');
    await page.keyboard.type('13800001234');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('hotline-intake_category_code');
    await page.keyboard.type(category.name);
    await page.locator('.ant-select-item-option-active').filter({ hasText: category.name }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('category-limits').waitFor();
    // The category's usual kind is chosen for it; Tab goes through it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('intake-description');
    await page.keyboard.type(`来电：家门口下水道堵了（${STAMP}）`);
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('intake-address');
    await page.keyboard.type('光明路8号');
    await page.keyboard.press('Enter');

    await page.getByTestId('request-page').waitFor();
    await page.getByTestId('request-description').filter({ hasText: STAMP }).waitFor();
    await page.getByTestId('request-caller').filter({ hasText: '赵大爷' }).waitFor();
    await page.getByTestId('request-header').locator('[data-testid="request-status"][data-status="received"]').waitFor();
    await context.close();
  });

  it('a group leader on a phone files a request for a resident of the group', async () => {
    const category = plainCategory();
    const leader = await apiAs('leader');
    const resident = (await leader<{ items: { name: string }[] }>('GET', '/api/v1/residents?limit=1')).items[0];
    expect(resident).toBeDefined();
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'leader');
    await page.getByTestId('tab:/more').click();
    await page.getByTestId('more:/group-requests').click();
    await page.getByTestId('group-requests-page').waitFor();
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('new-request').click();
    await page.getByTestId('new-request-page').waitFor();
    await page
      .getByTestId('request-resident')
      .locator('input')
      .fill(resident?.name ?? '');
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: resident?.name ?? '' })
      .first()
      .click();
    await page.getByTestId(`category-${category.code}`).click();
    await answerQuestions(page, category);
    await page.getByTestId('request-description').fill(FOR_RESIDENT);
    await noSidewaysScroll(page);
    await page.getByTestId('submit-request').click();
    await page.getByTestId('group-request-page').waitFor();
    await page.getByTestId('family-state').filter({ hasText: '已收到' }).waitFor();
    await noSidewaysScroll(page);
    await page.goto('/group-requests');
    await page.getByTestId('request-card').filter({ hasText: FOR_RESIDENT }).waitFor();
    await context.close();
  });
});
