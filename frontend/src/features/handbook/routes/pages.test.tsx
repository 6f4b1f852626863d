import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18n from '@/lib/i18n';
import type { Category, Handbook } from '../api/types';
import { EditionPage } from './EditionPage';
import { HandbookPage } from './HandbookPage';
import { PrintPage } from './PrintPage';

vi.mock('@/lib/session', () => ({ useMe: () => ({ role: 'staff', display_name: '李明', community: { name: '星光社区' } }) }));

const category = (code: string, name: string, entries: Category['entries']): Category => ({
  code,
  name,
  description: '',
  kind: 'repair',
  response: { amount: 2, unit: 'hours' },
  resolution: { amount: 5, unit: 'working_days' },
  questions: [],
  entries,
});

const BOOK: Handbook = {
  id: 'e1',
  number: 2,
  title: '星光社区居民手册',
  status: 'draft',
  published_on: null,
  version: 3,
  categories: [
    category('power', '停电停水', [
      { name: '县供电公司抢修', party: 'utility', phone: '0579-87000001', hours: '24小时', address: '', bring: '户号' },
      { name: '自来水公司', party: 'utility', phone: '0579-87000002', hours: '', address: '', bring: '' },
    ]),
    category('papers', '开证明', [{ name: '社区服务站', party: 'office', phone: '0579-87000003', hours: '工作日', address: '永康街1号', bring: '身份证' }]),
  ],
};

/** The handbook API over one edition, as the server answers (a repeated code is refused). */
function server(book: Handbook) {
  let current = structuredClone(book);
  const fetch = vi.fn(async (request: Request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && (pathname === '/api/v1/handbook' || pathname === '/api/v1/handbook/editions/e1')) return Response.json(current);
    if (request.method === 'PUT' && pathname === '/api/v1/handbook/editions/e1') {
      const body = (await request.clone().json()) as { version: number; title: string; categories: Category[] };
      const codes = body.categories.map((c) => c.code);
      const repeated = codes.findIndex((c, i) => codes.indexOf(c) !== i);
      if (repeated >= 0) {
        return Response.json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            detail: 'invalid',
            errors: [{ field: `categories[${repeated}].code`, message: 'is used by an earlier category' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      current = { ...current, title: body.title, categories: body.categories, version: current.version + 1 };
      return Response.json(current);
    }
    if (request.method === 'POST' && pathname === '/api/v1/handbook/editions/e1/publish') {
      current = { ...current, status: 'published', published_on: '2026-11-28', version: current.version + 1 };
      return Response.json(current);
    }
    return new Response(null, { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/handbook', element: <HandbookPage /> },
      { path: '/handbook/print', element: <PrintPage /> },
      { path: '/handbook/editions/:id', element: <EditionPage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App>
        <RouterProvider router={router} />
      </App>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the handbook page', () => {
  it('lists the categories and finds an entry by words, with a button that dials it', async () => {
    server(BOOK);
    renderAt('/handbook');
    await screen.findByText('停电停水');
    expect(screen.getByText('开证明')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('找一找'), '供电 户号');
    const call = await screen.findByRole('link', { name: /拨打 0579-87000001/ });
    expect(call).toHaveAttribute('href', 'tel:057987000001');
    expect(screen.getByTestId('handbook-found')).toHaveTextContent('找到 1 条');
    expect(screen.queryByText('自来水公司')).not.toBeInTheDocument();
    expect(screen.getByText('请准备：户号')).toBeInTheDocument();
  });
});

describe('the booklet', () => {
  it('numbers the contents from page 3, one page per category', async () => {
    server(BOOK);
    renderAt('/handbook/print');
    await screen.findByTestId('booklet');
    expect(screen.getAllByTestId('booklet-contents-page').map((e) => e.textContent)).toEqual(['页码 3', '页码 4']);
    expect(screen.getAllByTestId('booklet-category').map((e) => e.textContent)).toEqual(['停电停水', '开证明']);
    expect(screen.getByTestId('booklet-cover')).toHaveTextContent('第2版');
  });
});

describe('the edition editor', () => {
  it("checks a phone before sending, shows the server's refusal on its input, saves and publishes", async () => {
    const fetch = server(BOOK);
    const user = userEvent.setup();
    renderAt('/handbook/editions/e1');
    const phones = await screen.findAllByTestId('entry-phone');
    // A bad phone is refused before anything is sent.
    await user.clear(phones[0]!);
    await user.type(phones[0]!, 'call us');
    await user.click(screen.getByTestId('save-edition'));
    expect(await screen.findByText(/请填写电话号码/)).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'PUT')).toBe(false);

    // A repeated code passes the form's rules; the server's answer lands on the second code.
    await user.clear(phones[0]!);
    await user.type(phones[0]!, '0579-87009999');
    const codes = screen.getAllByTestId('category-code');
    await user.clear(codes[1]!);
    await user.type(codes[1]!, 'power');
    await user.click(screen.getByTestId('save-edition'));
    const item = codes[1]!.closest('.ant-form-item') as HTMLElement;
    expect(await within(item).findByText('前面的分类已经用了这个代码')).toBeInTheDocument();

    await user.clear(codes[1]!);
    await user.type(codes[1]!, 'papers');
    await user.click(screen.getByTestId('save-edition'));
    await waitFor(() => expect(screen.getByTestId('edition-dirty')).toHaveTextContent(''));
    const puts = fetch.mock.calls.map(([r]) => r as Request).filter((r) => r.method === 'PUT');
    const sent = (await puts[puts.length - 1]!.clone().json()) as { version: number; categories: Category[] };
    expect(sent.version).toBe(3);
    expect(sent.categories[0]!.entries[0]!.phone).toBe('0579-87009999');

    await user.click(screen.getByTestId('publish-edition'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('发布后本版本冻结，居民将看到新版本');
    await user.click(within(dialog).getByTestId('confirm-publish'));
    expect(await screen.findByTestId('edition-frozen')).toHaveTextContent('已发布的版本不能修改，请新建草稿');
    const publish = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST');
    expect(await publish!.clone().json()).toEqual({ version: 4 });
  }, 30_000);
});
