import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { baseURL, launch, logIn, newPage, PASSWORD, PHONE, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('partners and pledges', () => {
  it('a partner pledges money for an open need on a phone and sees it waiting for review', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'partner');
    await page.getByTestId('home-link:/needs').click();
    const card = page.getByTestId('need-card').filter({ hasText: '重阳节敬老慰问经费' });
    await card.waitFor();
    // Partners see the target and progress of a money need.
    expect(await card.innerText()).toContain('¥10,000.00');
    await card.getByTestId('pledge-for-need').click();
    await page.getByTestId('pledge-form').waitFor();
    await page.getByText('认捐需求：重阳节敬老慰问经费').waitFor();
    await page.getByTestId('amount').fill('1888');
    await screenshot(page, 'partner-pledge-form');
    await page.getByTestId('submit-pledge').click();
    await page.getByTestId('pledge-page').waitFor();
    expect(await page.getByTestId('pledge-status').first().innerText()).toBe('待审核');
    expect(await page.getByTestId('pledge-page').innerText()).toContain('¥1,888.00');
    expect(await page.getByTestId('pledge-history').innerText()).toContain('县工商银行');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto('/pledges');
    const mine = page.getByTestId('pledge-card').filter({ hasText: '¥1,888.00' });
    await mine.waitFor();
    expect(await mine.count()).toBe(1);
    await screenshot(page, 'partner-my-pledges');
    await context.close();
  });

  it('staff accept a pledge from the review queue, and the partner sees it accepted', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    // The home page points staff at the queue.
    expect(await page.getByTestId('pending-pledges').innerText()).toMatch(/待审核认捐：\d+ 条/);
    await page.goto('/pledges');
    const row = page.getByTestId('pledge-row').filter({ hasText: '县农商银行壶山支行' });
    await row.waitFor();
    await screenshot(page, 'staff-pledge-queue');
    await row.click();
    await page.getByTestId('accept-pledge').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('pledge-status').first().filter({ hasText: '已接受' }).waitFor();
    expect(await page.getByTestId('pledge-history').innerText()).toContain('王丽');
    await screenshot(page, 'staff-pledge-accepted');

    // Delivery: the bank's ¥5,000 arrives in full.
    await page.getByTestId('record-delivery').click();
    await page.getByTestId('receipt-number').fill('HD-2026-001');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('pledge-status').first().filter({ hasText: '已兑现' }).waitFor();
    expect(await page.getByTestId('delivered').innerText()).toBe('¥5,000.00 / ¥5,000.00');

    // The unit's yearly contributions now count the money, with a bar in this month.
    await page.goto('/partners');
    await page.getByRole('cell', { name: '县农商银行壶山支行' }).click();
    const contributions = page.getByTestId('contributions');
    await contributions.locator('.ant-statistic-content', { hasText: '¥5,000.00' }).waitFor();
    expect(await page.getByTestId('contribution-chart').locator('rect').count()).toBeGreaterThan(0);
    await screenshot(page, 'staff-partner-contributions');
    await context.close();

    // The thank-you list names the bank without the amount.
    const resident = await newPage(browser, PHONE);
    await logIn(resident.page, 'resident');
    await resident.page.goto('/thanks');
    const thanks = resident.page.getByTestId('thanks-page');
    await thanks.getByText('县农商银行壶山支行').waitFor();
    expect(await thanks.innerText()).not.toContain('5,000');
    await resident.context.close();
  });

  it("staff change a need's target, and the progress is measured against the new one", async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/needs');
    // At a desk the needs are a table.
    const row = page.getByTestId('need-list').locator('tbody tr').filter({ hasText: '文艺队音响设备' });
    await row.getByTestId('edit-need').click();
    const dialog = page.getByRole('dialog', { name: '编辑需求' });
    await dialog.getByTestId('need-target').fill('6');
    await dialog.locator('.ant-btn-primary').click();
    await row.getByText('目标 6 台').waitFor();
    await context.close();
  });

  it('on a phone, staff see the needs as cards, with their actions, and nothing sticks out sideways', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'staff');
    await page.goto('/needs');
    const card = page.getByTestId('need-row').filter({ hasText: '文艺队音响设备' });
    await card.waitFor();
    expect(await card.evaluate((el) => el.classList.contains('ant-card'))).toBe(true);
    expect(await page.getByTestId('need-list').locator('table').count()).toBe(0);
    expect(await card.getByTestId('edit-need').count()).toBe(1);
    await screenshot(page, 'staff-phone-needs');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('staff create an API client for a partner and see its secret exactly once', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto('/partners');
    await page.getByRole('cell', { name: '县人民医院' }).click();
    await page.getByTestId('contributions').waitFor();
    await page.getByTestId('client-name').fill('医院公益系统');
    await page.getByTestId('create-client').click();
    const secret = await page.getByTestId('secret').innerText();
    expect(secret).toMatch(/^xgs_[A-Za-z0-9_-]{43}/);
    await screenshot(page, 'staff-client-secret');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const table = page.getByTestId('api-clients');
    await table.getByText('医院公益系统').waitFor();
    expect(await table.innerText()).not.toContain(secret.slice(4, 20));

    // The contact phone is masked until staff state a reason; then it is shown and audited.
    const details = page.getByTestId('partner-page');
    expect(await details.innerText()).toContain('137****3456');
    await page.getByTestId('reveal-phone').click();
    await page.getByTestId('reveal-reason').fill('联系义诊活动安排');
    await page.getByRole('dialog', { name: '查看完整联系电话' }).locator('.ant-btn-primary').click();
    expect(await page.getByTestId('revealed-phone').innerText()).toContain('13757923456');

    // Pausing the partnership is an edit of the unit.
    await page.getByTestId('edit-partner').click();
    await page.getByTestId('partner-status').click();
    await page.locator('.ant-select-item-option', { hasText: '已暂停' }).click();
    await page.getByTestId('save-partner').click();
    await details.getByText('已暂停').waitFor();
    await context.close();
  });

  it('a partner system hears pledge.accepted, verified by the standardwebhooks library, when staff accept in the dashboard', async () => {
    // The partner's system: a token, a webhook receiver, a pledge — all through the API.
    const login = await fetch(`${baseURL()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'partner', password: PASSWORD }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const call = async (path: string, body: unknown) => {
      const res = await fetch(`${baseURL()}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as Record<string, unknown>;
    };
    let pledgeId = '';
    let server: Server | undefined;
    const delivered = new Promise<{ body: string; headers: Record<string, string> }>((resolve) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          res.statusCode = 204;
          res.end();
          const body = Buffer.concat(chunks).toString('utf8');
          const event = JSON.parse(body) as { data: { id: string } };
          if (event.data.id === pledgeId) resolve({ body, headers: req.headers as Record<string, string> });
        });
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server!.address() as AddressInfo).port;
    const endpoint = await call('/api/v1/webhooks/endpoints', { url: `http://127.0.0.1:${port}/hooks`, events: ['pledge.accepted'] });
    const needs = await (await fetch(`${baseURL()}/api/v1/needs?status=open`, { headers: { authorization: `Bearer ${token}` } })).json();
    const need = (needs as { items: { id: string; title: string }[] }).items.find((n) => n.title === '文明创建志愿服务');
    const pledge = await call('/api/v1/pledges', { need_id: need?.id, support: { kind: 'volunteer_time', people: 4, hours: 2 } });
    pledgeId = pledge.id as string;

    // Staff accept it in the dashboard.
    const { context, page } = await newPage(browser);
    await logIn(page, 'staff');
    await page.goto(`/pledges/${pledgeId}`);
    await page.getByTestId('accept-pledge').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('pledge-status').first().filter({ hasText: '已接受' }).waitFor();
    await context.close();

    const { body, headers } = await delivered;
    server!.close();
    const event = new Webhook(endpoint.secret as string).verify(body, headers) as { type: string; data: { id: string; status: string } };
    expect(event.type).toBe('pledge.accepted');
    expect(event.data).toMatchObject({ id: pledgeId, status: 'accepted' });
    expect(headers['webhook-id']).toMatch(/^msg_/);
  });

  it('a partner registers a webhook endpoint on the phone, sends itself a test event and sees it delivered', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/phone-hooks`;

    const { context, page } = await newPage(browser, PHONE);
    await logIn(page, 'partner');
    await page.goto('/webhooks');
    await page.getByPlaceholder('https://example.com/hooks/xingguang').fill(url);
    await page.getByRole('button', { name: '添加推送地址' }).click();
    expect(await page.getByTestId('secret').innerText()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: '我已保存' }).click();
    const card = page.locator('.ant-card').filter({ hasText: url });
    await card.getByTestId('send-test').click();
    await card.getByText('推送记录').click();
    await card.getByText('已送达').waitFor();
    expect(await card.innerText()).toContain('webhook.test');
    expect(bodies.some((b) => b.includes('"webhook.test"'))).toBe(true);
    await screenshot(page, 'partner-webhooks');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
    server.close();
  });
});
