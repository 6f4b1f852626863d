import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { Swap } from '../api/get-swaps';
import { MySwaps, OpenOffers } from './LeaderSwaps';

const TODAY = '2026-11-28';

const offer = (over: Partial<Swap> = {}): Swap => ({
  id: 'swap-1',
  night: '2026-12-05',
  assignment_id: 'a1',
  offered_by: 'zhang',
  offered_by_name: '张三',
  taken_by: null,
  taken_by_name: null,
  status: 'offered',
  note: '家里有事',
  held_because: null,
  version: 3,
  created_at: '2026-11-28T03:00:00Z',
  ...over,
});

/** Answers every request with `body` (status 200) and records them. */
function answer(body: unknown, status = 200) {
  const fetch = vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const requestOf = (fetch: ReturnType<typeof answer>, n = 0) => (fetch.mock.calls[n] as unknown as [Request])[0];

function renderIn(ui: React.ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>{ui}</App>
    </QueryClientProvider>,
  );
}

async function take() {
  await userEvent.click(screen.getByRole('button', { name: '我来接：12月5日 周六' }));
  await userEvent.click(await screen.findByTestId('take-confirm'));
}

describe('nights other leaders offer (可以接的班)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the offers of others with their word, never my own', () => {
    renderIn(<OpenOffers swaps={[offer(), offer({ id: 'mine', offered_by: 'me' })]} meId="me" today={TODAY} myNights={new Set()} away={() => false} />);
    const items = screen.getAllByTestId('open-offer');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('张三在找人替班');
    expect(items[0]).toHaveTextContent('留言：家里有事');
    expect(items[0]).toHaveTextContent('7 天后');
  });

  it('a night that moves at once says so', async () => {
    const fetch = answer(offer({ status: 'approved', taken_by: 'me', taken_by_name: '我' }));
    renderIn(<OpenOffers swaps={[offer()]} meId="me" today={TODAY} myNights={new Set()} away={() => false} />);
    await take();
    expect(await screen.findByTestId('take-result')).toHaveTextContent('已接下12月5日 周六的班，这晚由您值班。');
    const request = requestOf(fetch);
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/duty/swaps/swap-1/take');
    expect(await request.json()).toEqual({ version: 3 });
  });

  it('a night that waits for the office says why, and that it stays with the other leader until then', async () => {
    answer(offer({ status: 'taken', taken_by: 'me', taken_by_name: '我', held_because: '接班的组长前后几天已有值班，休息不足' }));
    renderIn(<OpenOffers swaps={[offer()]} meId="me" today={TODAY} myNights={new Set()} away={() => false} />);
    await take();
    const result = await screen.findByTestId('take-result');
    expect(result).toHaveTextContent('已接下12月5日 周六的班，要等社区工作人员批准。');
    expect(result).toHaveTextContent('原因：接班的组长前后几天已有值班，休息不够');
    expect(result).toHaveTextContent('批准前这晚仍由张三值班');
  });

  it('someone quicker: says the night is gone rather than a generic error', async () => {
    answer({ type: 'about:blank', title: 'Conflict', status: 409, code: 'invalid_transition', detail: 'not offered' }, 409);
    renderIn(<OpenOffers swaps={[offer()]} meId="me" today={TODAY} myNights={new Set()} away={() => false} />);
    await take();
    expect(await screen.findByText('这晚已经被别的组长接走，或者已经撤回了。')).toBeInTheDocument();
    expect(screen.queryByTestId('take-result')).not.toBeInTheDocument();
  });

  it('a night I am on already, or said I cannot come, says so instead of offering the button', () => {
    renderIn(
      <OpenOffers
        swaps={[offer(), offer({ id: 'swap-2', night: '2026-12-09' })]}
        meId="me"
        today={TODAY}
        myNights={new Set(['2026-12-05'])}
        away={(night) => night === '2026-12-09'}
      />,
    );
    expect(screen.queryByTestId('take-swap')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('cannot-take').map((e) => e.textContent)).toEqual(['这晚您本来就在值班。', '您填了这天不能值班，不能接这晚。']);
  });
});

describe('my swaps (我的换班)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says what became of each, and takes back an open offer after asking', async () => {
    const fetch = answer(offer({ offered_by: 'me', status: 'withdrawn' }));
    renderIn(
      <MySwaps
        swaps={[
          offer({
            offered_by: 'me',
            offered_by_name: '我',
            status: 'taken',
            taken_by: 'li',
            taken_by_name: '李四',
            held_because: '接班后该组长的值班量明显多于其他组长',
          }),
          offer({ id: 'swap-2', night: '2026-12-10', status: 'approved', taken_by: 'me', taken_by_name: '我' }),
          offer({ id: 'swap-3', night: '2026-12-12' }),
        ]}
        meId="me"
        today={TODAY}
      />,
    );
    const items = screen.getAllByTestId('my-swap');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('等待批准');
    expect(items[0]).toHaveTextContent('李四已接下，等社区批准。批准前这晚仍由您值班。');
    expect(items[0]).toHaveTextContent('原因：接班后这位组长的值班量会明显多于其他组长');
    expect(items[1]).toHaveTextContent('已换班');
    expect(items[1]).toHaveTextContent('您接下了张三的班，这晚由您值班。');
    // Only my open offer can be taken back.
    expect(within(items[1]!).queryByTestId('withdraw-swap')).not.toBeInTheDocument();
    await userEvent.click(within(items[0]!).getByTestId('withdraw-swap'));
    expect(await screen.findByText('撤回后这晚仍由您值班。')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('withdraw-confirm'));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const request = requestOf(fetch);
    expect(new URL(request.url).pathname).toBe('/api/v1/duty/swaps/swap-1/withdraw');
    expect(await request.json()).toEqual({ version: 3 });
  });

  it('shows nothing until the leader has a swap', () => {
    renderIn(<MySwaps swaps={[offer()]} meId="me" today={TODAY} />);
    expect(screen.queryByTestId('my-swaps')).not.toBeInTheDocument();
  });
});
