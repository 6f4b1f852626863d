import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import { CalendarFeedCard } from './CalendarFeedCard';

vi.mock('@/lib/session', () => ({ useMe: () => ({ id: 'me', role: 'group_leader', display_name: '李建国' }) }));

const URL_ = 'http://127.0.0.1:8080/api/v1/calendar/feeds/s3cret.ics';

/** The calendar endpoints: the feed's state, then what POST and DELETE answer. */
function server(active: boolean) {
  let state = { active, created_at: active ? '2026-11-01T02:00:00Z' : null, last_read_at: null as string | null };
  const fetch = vi.fn(async (request: Request) => {
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (request.method === 'POST') {
      state = { active: true, created_at: '2026-11-28T03:00:00Z', last_read_at: null };
      return json({ url: URL_, webcal_url: URL_.replace('http:', 'webcal:'), created_at: state.created_at }, 201);
    }
    if (request.method === 'DELETE') {
      state = { active: false, created_at: null, last_read_at: null };
      return new Response(null, { status: 204 });
    }
    return json(state);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderCard() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <CalendarFeedCard />
      </App>
    </QueryClientProvider>,
  );
}

describe('calendar subscription', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('turns the feed on and shows its link once, to copy or open in the phone calendar, with how to add it', async () => {
    const fetch = server(false);
    vi.stubGlobal('isSecureContext', true);
    // user-event's own clipboard stands in for the phone's.
    const user = userEvent.setup();
    renderCard();
    expect(await screen.findByText('未开启')).toBeInTheDocument();
    expect(screen.getByTestId('feed-privacy')).toHaveTextContent('谁拿到这个链接，谁就能看到您的日历');
    expect(screen.getByText(/您的值班会自动出现在手机自带的日历里/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /开启日历订阅/ }));
    expect(await screen.findByLabelText('订阅链接')).toHaveValue(URL_);
    expect(screen.getByText('这个链接只显示这一次')).toBeInTheDocument();
    expect(screen.getByTestId('open-webcal')).toHaveAttribute('href', 'webcal://127.0.0.1:8080/api/v1/calendar/feeds/s3cret.ics');
    expect(screen.getByTestId('feed-howto')).toHaveTextContent('“设置” → “日历” → “账户” → “添加账户” → “其他” → “添加已订阅的日历”');
    expect(screen.getByText('已开启')).toBeInTheDocument();
    await user.click(screen.getByTestId('copy-feed'));
    expect(await screen.findByText('已复制，可以粘贴到日历里了')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(URL_);
    expect((fetch.mock.calls.at(-1) as unknown as [Request])[0].method).toBe('POST');
  });

  it('an active feed can be replaced or stopped, each after saying what it does', async () => {
    const fetch = server(true);
    renderCard();
    expect(await screen.findByText('已开启')).toBeInTheDocument();
    expect(screen.getByTestId('feed-status')).toHaveTextContent('日历最近一次读取：还没有读取过');
    // No link is shown: it was shown once, when it was made.
    expect(screen.queryByTestId('feed-url')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /停止订阅/ }));
    expect(await screen.findByText('链接会马上失效，手机日历不再更新。已经订阅的日历可以在手机里删除。')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('stop-confirm'));
    await waitFor(() => expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'DELETE')).toBe(true));
    expect(await screen.findByText('未开启')).toBeInTheDocument();
  });
});
