import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { Visit } from '../api/get-visits';
import { VisitSheet } from './VisitSheet';

const visit: Visit = {
  id: 'v1',
  resident_id: 'r1',
  name: '杨芳丽',
  age: 82,
  address: '朝阳路2幢1单元602室',
  group_number: 1,
  reason: 'age',
  living_alone: true,
  disabled: null,
  visitor_id: 'leader',
  visitor_name: '李建国',
  visited_on: null,
  visitors: '',
  gift: '',
  condition: null,
  note: '',
  follow_up: false,
  version: 3,
};

function stubFetch() {
  const fetch = vi.fn(async (request: Request) => {
    const body = request.method === 'POST' ? ((await request.clone().json()) as object) : {};
    return new Response(JSON.stringify({ ...visit, ...body, visited_on: '2026-11-28' }), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function recorded(fetch: ReturnType<typeof stubFetch>) {
  const request = fetch.mock.calls.map((c) => (c as unknown as [Request])[0]).find((r) => r.method === 'POST');
  expect(request).toBeDefined();
  expect(new URL(request!.url).pathname).toBe('/api/v1/visit-campaigns/c1/visits/v1/record');
  return request!.json();
}

function renderSheet(onClose = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <VisitSheet campaignId="c1" visit={visit} onClose={onClose} />
      </App>
    </QueryClientProvider>,
  );
  return onClose;
}

describe('a leader records a visit', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('in taps: how they are, then 保存 — today and the leader as visitor left to the server', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = stubFetch();
    const onClose = renderSheet();
    expect(screen.getByText('走访杨芳丽')).toBeInTheDocument();
    expect(screen.getByText('独居')).toBeInTheDocument();
    // Nothing is saved before a condition is chosen.
    expect(screen.getByTestId('save-sheet')).toBeDisabled();
    await userEvent.click(screen.getByTestId('condition-good'));
    expect(screen.getByTestId('condition-good')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByTestId('save-sheet'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await recorded(fetch)).toEqual({ version: 3, condition: 'good', gift: '', note: '', follow_up: false });
  });

  it('someone who needs help is followed up unless the leader says otherwise', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = stubFetch();
    const onClose = renderSheet();
    await userEvent.click(screen.getByTestId('condition-poor'));
    expect(screen.getByTestId('follow-up-note')).toHaveTextContent('会请社区跟进');
    await userEvent.click(screen.getByText('更多（慰问品、备注）'));
    await userEvent.type(await screen.findByTestId('sheet-gift'), '牛奶一箱');
    expect(screen.getByRole('switch', { name: '需要社区跟进' })).toBeChecked();
    await userEvent.click(screen.getByTestId('save-sheet'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await recorded(fetch)).toEqual({ version: 3, condition: 'poor', gift: '牛奶一箱', note: '', follow_up: true });
  });
});
