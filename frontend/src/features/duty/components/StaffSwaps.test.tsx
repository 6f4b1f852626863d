import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import i18n from '@/lib/i18n';
import type { Swap } from '../api/get-swaps';
import { StaffSwaps } from './StaffSwaps';

const TODAY = '2026-11-28';

const swap = (over: Partial<Swap>): Swap => ({
  id: 'swap-1',
  night: '2026-12-05',
  assignment_id: 'a1',
  offered_by: 'zhang',
  offered_by_name: '张三',
  taken_by: 'li',
  taken_by_name: '李四',
  status: 'taken',
  note: '家里有事',
  held_because: '接班的组长前后几天已有值班，休息不足',
  version: 2,
  created_at: '2026-11-28T03:00:00Z',
  ...over,
});

function serve(swaps: Swap[]) {
  const fetch = vi.fn(async (request: Request) => {
    const body = request.method === 'GET' ? swaps : { ...swaps[0], status: 'approved', version: 3 };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderTab() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <App>
          <StaffSwaps today={TODAY} />
        </App>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the planner's 换班 tab", () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('puts the swaps waiting for staff first, with why they wait, and approves one', async () => {
    const fetch = serve([
      swap({}),
      swap({ id: 'swap-2', night: '2026-12-07', status: 'approved', held_because: null, note: '' }),
      swap({ id: 'swap-3', status: 'offered', taken_by: null, taken_by_name: null, held_because: null }),
    ]);
    renderTab();
    const waiting = await screen.findAllByTestId('waiting-swap');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toHaveTextContent('张三换给李四');
    expect(waiting[0]).toHaveTextContent('接班的组长前后几天已有值班，休息不够');
    expect(waiting[0]).toHaveTextContent('家里有事');
    expect(screen.getByText('等您批准（1）')).toBeInTheDocument();
    const others = screen.getAllByTestId('other-swap');
    expect(others.map((r) => within(r).getByTestId('swap-status').textContent)).toEqual(['已换班', '等人接班']);

    await userEvent.click(within(waiting[0]!).getByRole('button', { name: '批准：12月5日 周六 张三换给李四' }));
    await waitFor(() => expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(true));
    const post = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/duty/swaps/swap-1/approve');
    expect(await post.json()).toEqual({ version: 2 });
    expect(await screen.findByText('已批准，这晚换给李四')).toBeInTheDocument();
  });
});
