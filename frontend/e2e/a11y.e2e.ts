// Accessibility and layout sweep: every page the navigation definition (src/app/features.ts)
// reaches, for every role, at a desk (1366×768) and on a 360 px phone — axe-core (WCAG 2.1 A/AA)
// must find no serious or critical violation, and nothing may stick out sideways on the phone
// (in the large-text mode too).
// One signed-in browser context per role and screen, reused for all its pages. Screenshots of
// every page go to e2e/screenshots/.
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FEATURES } from '@/app/features';
import { navigationFor } from '@/lib/features';
import type { Role } from '@/lib/session';
import { launch, logIn, newPage, PHONE, screenshot } from './browser';

const DESK = { width: 1366, height: 768 };
/** One role's sweep visits a dozen pages; on a busy 2-core machine that takes minutes. */
const SWEEP_TIMEOUT = 300_000;
const USERS: [Role, string][] = [
  ['staff', 'staff'],
  ['group_leader', 'leader'],
  ['resident', 'resident'],
  ['partner', 'partner'],
];
/** Detail pages are reached from a list page: the first link of this shape on it. */
const DETAILS: { from: string; link: string }[] = [
  { from: '/registry/residents', link: 'a[href^="/registry/residents/"]' },
  { from: '/registry/households', link: 'a[href^="/registry/households/"]' },
  { from: '/partners', link: 'a[href^="/partners/"]' },
  { from: '/pledges', link: 'a[href^="/pledges/"]:not([href="/pledges/new"])' },
  { from: '/events', link: 'a[href^="/events/"]:not([href="/events/new"])' },
  { from: '/teams', link: 'a[href^="/teams/"]:not([href="/teams/new"])' },
  { from: '/assistance/cases', link: 'a[href^="/assistance/cases/"]:not([href="/assistance/cases/new"])' },
  { from: '/my/cases', link: 'a[href^="/my/cases/"]' },
  { from: '/elderly/visits', link: 'a[href^="/elderly/visits/"]' },
  { from: '/help-requests', link: 'a[href^="/help-requests/"]:not([href="/help-requests/intake"])' },
  { from: '/my/requests', link: 'a[href^="/my/requests/"]:not([href="/my/requests/new"])' },
  { from: '/group-requests', link: 'a[href^="/group-requests/"]:not([href="/group-requests/new"])' },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The pages of a role: its navigation entries (unique paths), "more" on the phone. */
function pagesFor(role: Role, phone: boolean): string[] {
  const paths = [...new Set(navigationFor(FEATURES.navigation, role).map((e) => e.path))];
  return phone && role !== 'staff' ? [...paths, '/more'] : paths;
}

/** Waits for the page's title and for its data (no spinner, no skeleton). */
async function settle(page: Page) {
  await page
    .getByTestId('page-title')
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async () => {
      await screenshot(page, 'no-title');
      throw new Error(`${page.url()} shows no page title: ${(await page.locator('body').innerText()).slice(0, 300)}`);
    });
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'), undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  if ((await page.getByTestId('app-error').count()) > 0) throw new Error(`${page.url()} failed to render`);
}

interface Finding {
  page: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page, name: string): Promise<Finding[]> {
  // The page as it is read, not as it looks under wherever the last click left the pointer.
  await page.mouse.move(0, 0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: name, id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const slug = (path: string) => (path === '/' ? 'home' : path.replace(/^\//, '').replace(/[/:?=&]+/g, '-'));

// E2E_USERS=leader,partner narrows the sweep while working on a page.
const only = process.env.E2E_USERS?.split(',');

describe('accessibility and phone layout of every page', () => {
  it('the login page', async () => {
    for (const [screen, viewport] of [
      ['desk', DESK],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      await page.goto('/login');
      await page.getByTestId('login-card').waitFor();
      expect(await audit(page, `login (${screen})`)).toEqual([]);
      if (screen === 'phone') expect(await overflow(page)).toBeLessThanOrEqual(0);
      await context.close();
    }
  });

  for (const [role, username] of USERS.filter(([, u]) => !only || only.includes(u))) {
    for (const [screen, viewport] of [
      ['desk', DESK],
      ['phone', PHONE],
    ] as const) {
      it(
        `${username} on the ${screen}: 0 serious or critical axe violations${screen === 'phone' ? ', no sideways scrolling' : ''}`,
        async () => {
          const { context, page } = await newPage(browser, viewport);
          await logIn(page, username);
          const findings: Finding[] = [];
          const overflowing: string[] = [];
          const visit = async (path: string, name = slug(path)) => {
            if (page.url().replace(/^https?:\/\/[^/]+/, '') !== path) await page.goto(path);
            await settle(page);
            findings.push(...(await audit(page, path)));
            if (screen === 'phone' && (await overflow(page)) > 0) overflowing.push(path);
            await screenshot(page, `${username}-${screen}-${name}`);
          };
          const pages = pagesFor(role, screen === 'phone');
          for (const path of pages) {
            await visit(path);
            const detail = DETAILS.find((d) => d.from === path);
            if (detail) {
              const link = page.locator(`main ${detail.link}, .ant-layout-content ${detail.link}`).first();
              if ((await link.count()) > 0) {
                const href = (await link.getAttribute('href')) ?? '';
                await visit(href, `${slug(path)}-detail`);
              }
            }
          }
          if (screen === 'phone') {
            // The large-text mode must not push anything sideways either.
            await page.evaluate((user) => localStorage.setItem(`xg.largeText.${user}`, '1'), username);
            for (const path of pages) {
              await page.goto(path);
              await settle(page);
              if ((await overflow(page)) > 0) overflowing.push(`${path} (large text)`);
            }
            await screenshot(page, `${username}-phone-large-text-${slug(pages[pages.length - 1] ?? '/')}`);
          }
          expect(pages.length).toBeGreaterThan(1);
          expect(findings).toEqual([]);
          expect(overflowing).toEqual([]);
          await context.close();
        },
        SWEEP_TIMEOUT,
      );
    }
  }

  it(
    'in English, longer words do not push anything sideways on a phone either',
    async () => {
      const overflowing: string[] = [];
      for (const [role, username] of USERS.filter(([, u]) => !only || only.includes(u))) {
        const { context, page } = await newPage(browser, PHONE);
        await context.addInitScript(() => localStorage.setItem('xg.lang', 'en'));
        await logIn(page, username);
        for (const path of pagesFor(role, true)) {
          await page.goto(path);
          await settle(page);
          if ((await overflow(page)) > 0) overflowing.push(`${username} ${path}`);
        }
        await context.close();
      }
      expect(overflowing).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );
});
