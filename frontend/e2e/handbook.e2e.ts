// The resident handbook (居民手册): a resident on a 360 px phone finds a place to turn to by
// searching and gets a button that dials it; staff open the draft (or create one), change an
// entry's phone — a bad number refused on its input before sending, a repeated code by the
// server on its own — save and publish, and the resident then sees the new number. The A5
// booklet lists every category in its contents with the page it starts on (the printed booklet
// ends where the numbers say), and the PDF is a PDF.
// Staff issue an Open311 key, see it once, and revoke it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, baseURL, launch, logIn, newPage, noSidewaysScroll, PASSWORD, PHONE, screenshot, seriousViolations } from './browser';

interface Entry {
  name: string;
  phone: string;
}
interface Handbook {
  id: string;
  number: number;
  title: string;
  categories: { code: string; name: string; entries: Entry[] }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Digits only, as the page's tel: links have them. */
const tel = (phone: string) => `tel:${phone.replace(/[^\d]/g, '')}`;
/** A number no seeded entry has, different on every run. */
const NEW_PHONE = `0579-8${String(Date.now()).slice(-7)}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function currentHandbook(): Promise<Handbook> {
  const resident = await apiAs('resident');
  return resident<Handbook>('GET', '/api/v1/handbook');
}

/** The resident's handbook on the phone, reached through "more". */
async function openOnPhone(page: Page) {
  await page.getByTestId('tab:/more').click();
  await page.getByTestId('more:/handbook').click();
  await page.getByTestId('handbook-page').waitFor();
  await page.getByTestId('handbook-search').waitFor();
}

/** Searches the handbook and returns the card of the entry with exactly this name. */
async function find(page: Page, name: string) {
  await page.getByTestId('handbook-search').fill(name);
  const exactly = new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`);
  const card = page.getByTestId('handbook-entry').filter({ has: page.locator('h3', { hasText: exactly }) });
  await card.first().waitFor();
  return card.first();
}

/** The number of pages of a PDF: its page tree's root (the one /Pages node without a /Parent). */
function pdfPages(pdf: string): number {
  const roots = [...pdf.matchAll(/<<[^<>]*\/Type\s*\/Pages\b[^<>]*>>/g)].map((m) => m[0]).filter((d) => !d.includes('/Parent'));
  return Number(/\/Count\s+(\d+)/.exec(roots[0] ?? '')?.[1] ?? 0);
}

/** The form item (label, input, errors) that holds this input. */
const itemOf = (input: Locator) => input.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]');

let changed: Entry = { name: '', phone: '' };

describe('the resident handbook', () => {
  it('a resident on a phone finds a place to turn to by searching, and can call it', async () => {
    const book = await currentHandbook();
    const entry = book.categories.flatMap((c) => c.entries).find((e) => e.phone);
    expect(entry, 'the demo handbook has an entry with a phone').toBeDefined();
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await openOnPhone(page);
    // Every category is listed before searching.
    for (const c of book.categories) await page.getByTestId('handbook-category').filter({ hasText: c.name }).first().waitFor();
    const card = await find(page, entry!.name);
    const call = card.getByTestId('handbook-call');
    expect(await call.getAttribute('href')).toBe(tel(entry!.phone));
    expect(await call.innerText()).toContain(`拨打 ${entry!.phone}`);
    // Large type for older readers.
    expect(await card.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
    await page.getByTestId('handbook-found').filter({ hasText: '找到' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScroll(page);
    await screenshot(page, 'resident-handbook');
    // Words that match nothing say so.
    await page.getByTestId('handbook-search').fill('没有这种事情啊');
    await page.getByTestId('handbook-found').filter({ hasText: '没有找到' }).waitFor();
    expect(await page.getByTestId('handbook-entry').count()).toBe(0);
    await context.close();
  });

  it('staff change a phone number in a draft — bad input refused on its field — save and publish it', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/handbook/editions');
    await page.getByTestId('editions-page').waitFor();
    // A new draft, or the one already there (one at a time).
    await page.getByTestId('new-draft').click();
    await page.getByTestId('edition-page').waitFor();
    await page.getByTestId('save-edition').waitFor();
    expect(await page.getByTestId('edition-status').innerText()).toBe('草稿');

    const name = page.getByTestId('entry-name').first();
    const phone = page.getByTestId('entry-phone').first();
    changed = { name: await name.inputValue(), phone: NEW_PHONE };
    expect(changed.name).not.toBe('');

    // A bad number is refused on its input before anything is sent.
    await phone.fill('not a phone');
    await page.getByTestId('edition-dirty').filter({ hasText: '有未保存的修改' }).waitFor();
    await page.getByTestId('save-edition').click();
    await itemOf(phone).locator('.ant-form-item-explain-error').filter({ hasText: '请填写电话号码' }).waitFor();
    // A code used twice is the server's to refuse: its answer lands on the input it names.
    const codes = page.getByTestId('category-code');
    expect(await codes.count()).toBeGreaterThanOrEqual(2);
    const second = await codes.nth(1).inputValue();
    await codes.nth(1).fill(await codes.nth(0).inputValue());
    await phone.fill(NEW_PHONE);
    const refused = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/handbook/editions/'));
    await page.getByTestId('save-edition').click();
    expect((await refused).status()).toBe(422);
    await itemOf(codes.nth(1)).locator('.ant-form-item-explain-error').filter({ hasText: '前面的分类已经用了这个代码' }).waitFor();
    await codes.nth(1).fill(second);

    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/v1/handbook/editions/'));
    await page.getByTestId('save-edition').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('edition-dirty').innerText()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-handbook-draft');

    // Publishing asks first, then freezes the edition.
    await page.getByTestId('publish-edition').click();
    const dialog = page.getByRole('dialog');
    await dialog.filter({ hasText: '发布后本版本冻结，居民将看到新版本' }).waitFor();
    await dialog.getByTestId('confirm-publish').click();
    await page.getByTestId('edition-frozen').filter({ hasText: '已发布的版本不能修改，请新建草稿' }).waitFor();
    expect(await page.getByTestId('edition-status').innerText()).toBe('已发布');
    expect(await page.getByTestId('save-edition').count()).toBe(0);
    expect(await page.getByTestId('entry-phone').first().isDisabled()).toBe(true);
    await context.close();
    // The whole edition is one form of some 300 inputs, checked by axe too: slow on a busy machine.
  }, 180_000);

  it('the resident then sees the new number', async () => {
    expect(changed.name).not.toBe('');
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'resident');
    await openOnPhone(page);
    const card = await find(page, changed.name);
    expect(await card.getByTestId('handbook-call').getAttribute('href')).toBe(tel(NEW_PHONE));
    await context.close();
  });

  it('the booklet lists every category with its page, prints alone, and the PDF is a PDF', async () => {
    const book = await currentHandbook();
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/handbook');
    await page.getByTestId('handbook-search').waitFor();
    // The PDF as residents download it, under its Chinese name.
    const download = page.waitForEvent('download');
    await page.getByTestId('handbook-pdf').click();
    expect((await download).suggestedFilename()).toBe('居民手册.pdf');

    await page.getByTestId('handbook-print').click();
    // Its pages counted from the layout.
    await page.locator('[data-testid="booklet"][data-measured="true"]').waitFor();
    const cover = await page.getByTestId('booklet-cover').innerText();
    expect(cover).toContain(book.title);
    expect(cover).toContain(`第${book.number}版`);
    expect(cover).toContain('星光社区');
    const lines = page.getByTestId('booklet-contents-line');
    expect(await lines.count()).toBe(book.categories.length);
    // Cover page 1, contents page 2, each category from a page of its own: page 3 for the first.
    const starts = (await page.getByTestId('booklet-contents-page').allInnerTexts()).map((p) => Number(p.replace(/\D/g, '')));
    expect(starts[0]).toBe(3);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]).toBeGreaterThan(starts[i - 1]!);
    expect(await page.getByTestId('booklet-category').allInnerTexts()).toEqual(book.categories.map((c) => c.name));
    // The numbers are counted from the laid-out pages: the printed A5 booklet ends where they say.
    const spans = await page.getByTestId('booklet-section').evaluateAll((sections) => sections.map((s) => Number(s.getAttribute('data-pages'))));
    const printed = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(printed).toMatch(/\/MediaBox \[0 0 42\d(\.\d+)? 59\d(\.\d+)?\]/);
    expect(pdfPages(printed)).toBe(starts[starts.length - 1]! + spans[spans.length - 1]! - 1);
    for (const [i, c] of book.categories.entries()) expect(await lines.nth(i).innerText()).toContain(c.name);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'staff-handbook-booklet');
    // Printed: the booklet alone, in large type.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('side-nav').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.getByTestId('booklet-category').first().isVisible()).toBe(true);
    const bodyPt = await page.getByTestId('booklet-cover').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75);
    expect(bodyPt).toBeGreaterThanOrEqual(14);
    await page.emulateMedia({ media: 'screen' });
    await context.close();

    // The file itself, fetched as any signed-in user may.
    const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'resident', password: PASSWORD }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const pdf = await fetch(`${baseURL()}/api/v1/handbook/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF');
  });

  it('staff issue an Open311 key, see it once, and revoke it', async () => {
    const client = `县12345平台 ${Date.now()}`;
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    // Beside the partner units, in the staff menu.
    await page.getByTestId('side-nav').getByText('共建与认捐').click();
    await page.getByTestId('side-nav').getByText('第三方接入密钥').click();
    await page.getByTestId('open311-keys-page').waitFor();
    await page.getByTestId('key-name').fill(client);
    await page.getByTestId('issue-key').click();
    const dialog = page.getByRole('dialog');
    await dialog.filter({ hasText: '密钥只显示这一次' }).waitFor();
    const key = (await dialog.getByTestId('issued-key-value').innerText()).trim();
    expect(key.length).toBeGreaterThanOrEqual(16);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByTestId('key-saved').click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByTestId('open311-key').filter({ hasText: client });
    await row.getByTestId('key-status').filter({ hasText: '使用中' }).waitFor();
    // Only its hint stays: the key is not on the page any more.
    expect(await page.locator('body').innerText()).not.toContain(key);
    await screenshot(page, 'staff-open311-keys');

    await row.getByTestId('revoke-key').click();
    await page.getByTestId('confirm-revoke').click();
    await row.getByTestId('key-status').filter({ hasText: '已停用' }).waitFor();
    expect(await row.getByTestId('revoke-key').count()).toBe(0);
    await context.close();
  });
});
