import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { Membership, Team } from '../api/get-teams';
import { HouseholdStanding } from './HouseholdStanding';

const TEAM: Team = {
  id: 't1',
  name: '腰鼓队',
  description: '',
  practice_schedule: '每周二、四、六 19:00–20:30 广场东侧',
  leader_resident_id: 'l1',
  leader_name: '陈桂兰',
  member_count: 11,
  you_lead: false,
  your_household: [],
  version: 1,
};

const person = (id: string, name: string, relationship: string) => ({
  id,
  name,
  relationship,
  household_id: 'h1',
  age: 70,
  birth_date: '1956-01-01',
  id_number_masked: '330723**********1X',
  sex: 'female',
  status: 'active',
  tags: [],
  version: 1,
});

const membership = (resident: string, name: string, status: Membership['status']): Membership => ({
  id: `m-${resident}`,
  team_id: 't1',
  resident_id: resident,
  resident_name: name,
  status,
  created_at: '2026-11-28T02:00:00Z',
  decided_at: null,
  version: 3,
});

/** Answers the household list and records what is sent. */
function server(household: object[]) {
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/residents') {
      return Response.json({ items: household, next_cursor: null });
    }
    return Response.json(membership('r2', '王建华', 'requested'), { status: 201 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const sent = (fetch: ReturnType<typeof server>) => fetch.mock.calls.map(([r]) => r).filter((r) => r.method === 'POST');

/** 申请加入, once the household is known. */
async function joinButton() {
  const join = await screen.findByTestId('join');
  await waitFor(() => expect(join).not.toHaveClass('ant-btn-loading'));
  expect(join).toHaveTextContent('申请加入');
  return join;
}

function renderStanding(team: Team) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App>
        <HouseholdStanding team={team} />
      </App>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe("a resident's side of a team", () => {
  it('asks for oneself straight away when one lives alone', async () => {
    const fetch = server([person('r1', '张秀英', 'head')]);
    renderStanding(TEAM);
    await userEvent.click(await joinButton());
    await waitFor(() => expect(sent(fetch)).toHaveLength(1));
    const request = sent(fetch)[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/teams/t1/members');
    expect(await request.json()).toEqual({});
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 20_000);

  it('asks for whom in a larger household, offering only those not in or waiting, and sends the one chosen', async () => {
    const fetch = server([person('r1', '张秀英', 'head'), person('r2', '王建华', 'spouse'), person('r3', '王小明', 'grandchild')]);
    renderStanding({ ...TEAM, your_household: [membership('r3', '王小明', 'member')] });
    expect(screen.getByTestId('household-standing')).toHaveTextContent('王小明已加入');
    await userEvent.click(await joinButton());
    const dialog = await screen.findByRole('dialog');
    const options = within(dialog).getAllByRole('radio');
    expect(options.map((o) => o.closest('label')?.textContent)).toEqual(['张秀英（户主）', '王建华（配偶）']);
    const send = within(dialog).getByRole('button', { name: '提交申请' });
    expect(send).toBeDisabled();
    await userEvent.click(within(dialog).getByLabelText('王建华（配偶）'));
    await userEvent.click(send);
    await waitFor(() => expect(sent(fetch)).toHaveLength(1));
    expect(await sent(fetch)[0]!.json()).toEqual({ resident_id: 'r2' });
  }, 20_000);

  it('shows a request as 申请中 with 撤回申请, and offers nothing more when everyone is in or waiting', async () => {
    const fetch = server([person('r1', '张秀英', 'head')]);
    renderStanding({ ...TEAM, your_household: [membership('r1', '张秀英', 'requested')] });
    expect(screen.getByTestId('membership-status')).toHaveTextContent('申请中');
    expect(screen.getByTestId('withdraw')).toHaveTextContent('撤回申请');
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('join')).toBeNull());
    await userEvent.click(screen.getByTestId('withdraw'));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '撤回申请' }));
    await waitFor(() => expect(sent(fetch)).toHaveLength(1));
    const request = sent(fetch)[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/teams/t1/members/m-r1/leave');
    expect(await request.json()).toEqual({ version: 3 });
  }, 20_000);
});
