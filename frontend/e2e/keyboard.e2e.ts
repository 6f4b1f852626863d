// Keyboard only: sign in, open the residents list from the side navigation, open a resident
// and reveal the ID number — no mouse, with a visible focus ring on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, PASSWORD, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What has the keyboard focus: tag, text, href, test id, outline. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText ?? '').trim(),
      href: el.getAttribute('href') ?? '',
      testId: el.dataset.testid ?? '',
      inNav: !!el.closest('[data-testid="side-nav"]'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

type Focus = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Presses `key` until the focused element matches (at most `max` times). */
async function pressUntil(page: Page, key: string, match: (f: Focus) => boolean, max = 60): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    const before = await page.evaluateHandle(() => document.activeElement);
    await page.keyboard.press(key);
    // Menus move the focus a frame after the key: wait for it to move (or not, at the ends).
    await page.waitForFunction((prev) => document.activeElement !== prev, before, { timeout: 1000 }).catch(() => undefined);
    await before.dispose();
    const f = await focused(page);
    // E2E_DEBUG=1 prints every step of the focus walk.
    if (process.env.E2E_DEBUG) console.log(key, JSON.stringify(f));
    if (f && match(f)) return f;
  }
  throw new Error(`pressing ${key} ${max} times did not reach the element; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  it('login → residents → a resident → reveal, each step reachable and visibly focused', async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 768 });
    await page.goto('/login');
    await page.getByTestId('login-card').waitFor();
    // The user name field has the focus on arrival.
    expect((await focused(page))?.tag).toBe('input');
    await page.keyboard.type('staff');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('home').waitFor();

    // Into the side navigation, down to 居民登记, open it, down to 居民.
    await pressUntil(page, 'Tab', (f) => f.inNav);
    await pressUntil(page, 'ArrowDown', (f) => f.text === '居民登记', 10);
    const residentsItem = page.getByTestId('side-nav').getByRole('menuitem', { name: '居民', exact: true });
    // Enter opens the sub-menu (unless it is open already: Enter would close it again).
    if (!(await residentsItem.isVisible())) await page.keyboard.press('Enter');
    await residentsItem.waitFor();
    // The sub-menu has finished opening.
    await page.waitForFunction(() => !document.querySelector('[data-testid="side-nav"] .ant-motion-collapse, [data-testid="side-nav"] [class*="-motion-"]'));
    await pressUntil(page, 'ArrowDown', (f) => f.text === '居民', 10);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/registry/residents');
    await page.getByTestId('resident-row').first().waitFor();

    // The first resident's name is a link in the row, with a focus ring.
    const link = await pressUntil(page, 'Tab', (f) => f.tag === 'a' && /^\/registry\/residents\/[0-9a-f-]+$/.test(f.href));
    expect(link.outline).toBe(true);
    await screenshot(page, 'keyboard-resident-link-focused');
    await page.keyboard.press('Enter');
    await page.getByTestId('id-masked').waitFor();

    // The reveal button, then the dialog opens on its reason field.
    await pressUntil(page, 'Tab', (f) => f.testId === 'reveal');
    await page.keyboard.press('Enter');
    await page.getByTestId('reveal-reason').waitFor();
    await expect.poll(async () => (await focused(page))?.testId).toBe('reveal-reason');
    await page.keyboard.type('核对高龄补贴申请材料');
    await pressUntil(page, 'Tab', (f) => f.testId === 'reveal-confirm', 5);
    await page.keyboard.press('Enter');
    await page.getByTestId('revealed').waitFor();
    expect(await page.getByTestId('revealed').innerText()).toMatch(/\d{17}[\dX]/);
    await screenshot(page, 'keyboard-revealed');
    await context.close();
  });
});
