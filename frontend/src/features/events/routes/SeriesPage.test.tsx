// The series page reads its series on its own (GET /event-series/{id}); staff and leaders take a
// called-off evening back (DELETE …/exceptions/{day}) after a confirmation, and the month is
// fetched again. An evening the duty pair recorded as rained off is not a call-off to take back.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18n from '@/lib/i18n';
import type { Occurrence } from '../api/get-occurrences';
import type { Series } from '../api/get-series';
import { SeriesPage } from './SeriesPage';

const me = vi.hoisted(() => ({ id: 'me', role: 'staff' as 'staff' | 'group_leader' | 'resident', display_name: '王主任' }));
vi.mock('@/lib/session', () => ({ useMe: () => me }));

const SQUARE: Series = {
  id: 's1',
  kind: 'square',
  title: '广场夜间活动',
  description: '',
  place: '县工商银行门前广场',
  rrule: 'FREQ=DAILY',
  first_day: '2026-01-01',
  starts_local: '19:00:00',
  ends_local: '21:30:00',
  exceptions: [{ day: '2026-11-30', reason: '下雨' }],
  expected_size: null,
  venue_pledge_id: null,
  version: 3,
};

const evening = (day: string, over: Partial<Occurrence> = {}): Occurrence => ({
  day,
  starts_at: `${day}T11:00:00Z`,
  ends_at: `${day}T13:30:00Z`,
  status: 'scheduled',
  cancel_reason: null,
  on_duty: [],
  headcount: null,
  ...over,
});

/** The server: November's evenings; tonight rained off by the duty pair, the 30th called off. */
function server() {
  const state = { exceptions: [...SQUARE.exceptions] };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'DELETE') {
      const day = path.split('/').at(-1) ?? '';
      if (!state.exceptions.some((e) => e.day === day))
        return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: '' }, 404);
      state.exceptions = state.exceptions.filter((e) => e.day !== day);
      return new Response(null, { status: 204 });
    }
    if (path === '/api/v1/event-series/s1') return json({ ...SQUARE, exceptions: state.exceptions });
    if (path === '/api/v1/event-series/s1/occurrences') {
      const calledOff = (day: string) => state.exceptions.find((e) => e.day === day);
      return json(
        ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'].map((day) =>
          day === '2026-11-28'
            ? evening(day, { status: 'cancelled', cancel_reason: '下雨' })
            : calledOff(day)
              ? evening(day, { status: 'cancelled', cancel_reason: calledOff(day)?.reason })
              : evening(day),
        ),
      );
    }
    return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: '' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const calls = (fetch: ReturnType<typeof server>, method: string, path: string) =>
  fetch.mock.calls.filter(([r]) => r.method === method && new URL(r.url).pathname === path).length;

function renderPage(id = 's1') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App>
        <MemoryRouter initialEntries={[`/events/series/${id}`]}>
          <Routes>
            <Route path="/events/series/:id" element={<SeriesPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

/** A day's card once the month is there. */
async function dayCard(day: string) {
  await waitFor(() => expect(document.querySelector(`[data-testid="series-day"][data-day="${day}"]`)).not.toBeNull());
  return document.querySelector(`[data-testid="series-day"][data-day="${day}"]`) as HTMLElement;
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
beforeEach(() => {
  // 12:00 in Shanghai on Saturday 28 November 2026; only the clock is fake.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T04:00:00Z'));
  me.role = 'staff';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a recurring event’s page', () => {
  it('reads its series on its own, not out of the list', async () => {
    const fetch = server();
    renderPage();
    expect(await screen.findByTestId('series-words')).toBeInTheDocument();
    expect(calls(fetch, 'GET', '/api/v1/event-series/s1')).toBe(1);
    expect(calls(fetch, 'GET', '/api/v1/event-series')).toBe(0);
  });

  it('says so when there is no such series', async () => {
    server();
    renderPage('missing');
    expect(await screen.findByText('找不到这个定期活动')).toBeInTheDocument();
  });

  it.each(['staff', 'group_leader'] as const)('lets %s take a called-off evening back, after a confirmation, and fetches the month again', async (role) => {
    me.role = role;
    const fetch = server();
    renderPage();
    const called = await dayCard('2026-11-30');
    await within(called).findByText('原因：下雨');
    // Tonight was rained off by the duty pair: not a call-off to take back. Tomorrow is on.
    expect(within(await dayCard('2026-11-28')).queryByTestId('restore-day')).toBeNull();
    expect(within(await dayCard('2026-11-29')).queryByTestId('restore-day')).toBeNull();
    const occurrencesBefore = calls(fetch, 'GET', '/api/v1/event-series/s1/occurrences');

    await userEvent.click(within(called).getByRole('button', { name: '恢复这一晚：11月30日 周一' }));
    expect(calls(fetch, 'DELETE', '/api/v1/event-series/s1/exceptions/2026-11-30')).toBe(0);
    await userEvent.click(await screen.findByTestId('restore-day-confirm'));

    await waitFor(() => expect(calls(fetch, 'DELETE', '/api/v1/event-series/s1/exceptions/2026-11-30')).toBe(1));
    expect(await screen.findByText('11月30日 周一的活动已恢复，照常举办')).toBeInTheDocument();
    // The month and the series are fetched again: the evening is on, and may be called off again.
    await waitFor(() => expect(within(called).getByTestId('occurrence-status').textContent).toBe('在办'));
    expect(calls(fetch, 'GET', '/api/v1/event-series/s1/occurrences')).toBeGreaterThan(occurrencesBefore);
    expect(calls(fetch, 'GET', '/api/v1/event-series/s1')).toBeGreaterThan(1);
    expect(within(called).queryByTestId('restore-day')).toBeNull();
    expect(within(called).getByTestId('call-off-day')).toBeInTheDocument();
  });

  it('shows a resident the called-off evening with no way to take it back', async () => {
    me.role = 'resident';
    server();
    renderPage();
    const called = await dayCard('2026-11-30');
    await within(called).findByText('原因：下雨');
    expect(screen.queryByTestId('restore-day')).toBeNull();
    expect(screen.queryByTestId('call-off-day')).toBeNull();
  });
});
