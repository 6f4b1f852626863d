import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import i18n from '@/lib/i18n';
import type { Membership, TeamDetail } from '../api/get-teams';
import { MembersCard } from './MembersCard';

const m = (id: string, name: string, status: Membership['status'], created: string, version = 1): Membership => ({
  id,
  team_id: 't1',
  resident_id: `r-${id}`,
  resident_name: name,
  status,
  created_at: `2026-11-${created}T02:00:00Z`,
  decided_at: null,
  version,
});

const TEAM: TeamDetail = {
  id: 't1',
  name: '腰鼓队',
  description: '',
  practice_schedule: '',
  leader_resident_id: 'l1',
  leader_name: '陈桂兰',
  member_count: 2,
  you_lead: true,
  your_household: [],
  version: 1,
  equipment: [],
  members: [
    m('1', '赵六', 'member', '01'),
    m('2', '李四', 'requested', '20', 4),
    m('3', '王五', 'requested', '10'),
    m('4', '张三', 'member', '02'),
    m('5', '钱七', 'declined', '03'),
  ],
};

function renderCard(staff: boolean) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <MemoryRouter>
          <MembersCard team={TEAM} staff={staff} />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe("a team's requests and members", () => {
  it('lists the open requests oldest first and the members, and 同意 sends the request’s version', async () => {
    const fetch = vi.fn(async (_: Request) => Response.json({ ...m('2', '李四', 'member', '20', 5) }));
    vi.stubGlobal('fetch', fetch);
    renderCard(false);
    const requests = screen.getAllByTestId('request-row');
    // jsdom is as narrow as a phone: each row is a card that starts with the name.
    expect(requests.map((r) => r.textContent?.slice(0, 2))).toEqual(['王五', '李四']);
    expect(screen.getAllByTestId('member-row').map((r) => r.textContent?.slice(0, 2))).toEqual(['张三', '赵六']);
    expect(screen.getByTestId('requests')).toHaveTextContent('入队申请（2）');
    // A leader does not add members; staff do.
    expect(screen.queryByTestId('add-member')).toBeNull();
    await userEvent.click(within(requests[1]!).getByRole('button', { name: '同意：李四' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const request = fetch.mock.calls[0]![0];
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/teams/t1/members/2/approve');
    expect(await request.json()).toEqual({ version: 4 });
  }, 20_000);

  it('staff can add someone directly', () => {
    renderCard(true);
    expect(screen.getByTestId('add-member')).toBeDisabled();
  });
});
