import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { todayInCommunity } from '@/lib/dates';
import i18n from '@/lib/i18n';
import { TonightWidget } from './TonightWidget';

const leader = (id: string, name: string, group: number) => ({
  id,
  leader_user_id: `u-${id}`,
  leader_name: name,
  group_number: group,
  locked: false,
  source: 'generated',
  status: 'scheduled',
  version: 1,
});

function answer(night: object) {
  const today = todayInCommunity();
  const fetch = vi.fn(
    async () =>
      new Response(
        JSON.stringify({ from: today, to: today, leaders_per_night: 2, nights: [{ night: today, kind: 'weekday', weight: 10, report: null, ...night }] }),
        {
          headers: { 'content-type': 'application/json' },
        },
      ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderWidget() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <TonightWidget />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("tonight's duty on the staff home", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows tonight's pair with their groups, and leads to the planner", async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = answer({ short: false, assignments: [leader('a', '张三', 3), leader('b', '李四', 7)] });
    renderWidget();
    const leaders = await screen.findAllByTestId('tonight-leader');
    expect(leaders.map((l) => l.textContent)).toEqual(['张三（第3组）', '李四（第7组）']);
    expect(screen.queryByTestId('tonight-short')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '去排班' })).toHaveAttribute('href', '/duty');
    const url = new URL((fetch.mock.calls[0] as unknown as [Request])[0].url);
    expect(url.pathname).toBe('/api/v1/duty/roster');
    expect(url.searchParams.get('from')).toBe(todayInCommunity());
    expect(url.searchParams.get('to')).toBe(todayInCommunity());
  });

  it('says plainly when tonight is short of leaders', async () => {
    await i18n.changeLanguage('zh-CN');
    answer({ short: true, kind: 'holiday', holiday: '元旦', assignments: [leader('a', '张三', 3)] });
    renderWidget();
    expect(await screen.findByTestId('tonight-short')).toHaveTextContent('今晚还缺 1 位组长');
    expect(screen.getByTestId('night-kind')).toHaveTextContent('节假日·元旦');
  });

  it('says when nobody is on yet', async () => {
    await i18n.changeLanguage('zh-CN');
    answer({ short: true, assignments: [] });
    renderWidget();
    expect(await screen.findByText('今晚还没有安排组长值班')).toBeInTheDocument();
    expect(screen.getByTestId('tonight-short')).toHaveTextContent('今晚还缺 2 位组长');
  });
});
