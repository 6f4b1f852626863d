import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';
import { ResidentEventCard, type HouseholdMember } from './ResidentEventCard';

const EVENT: EventItem = {
  id: 'e1',
  kind: 'cleanup',
  title: '除四害集中清理行动',
  description: '',
  place: '文化礼堂',
  starts_at: '2099-12-05T01:00:00Z',
  ends_at: '2099-12-05T03:00:00Z',
  capacity: 2,
  registration_closes_at: null,
  status: 'scheduled',
  cancel_reason: null,
  registered: 2,
  waitlisted: 0,
  attended: 0,
  places_left: 0,
  version: 1,
  audience: 'all',
};

function renderCard(event: EventItem, mine?: Registration, household?: HouseholdMember[], others?: Registration[]) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <ResidentEventCard event={event} mine={mine} household={household} others={others} />
      </App>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('a resident’s event card', () => {
  it('offers the waiting list when full, and registers the resident themself', async () => {
    const fetch = vi.fn(
      async (_: Request) =>
        new Response(
          JSON.stringify({
            id: 'r1',
            event_id: 'e1',
            resident_id: 'x',
            resident_name: '张三',
            status: 'waitlisted',
            walk_in: false,
            created_at: '2026-11-28T00:00:00Z',
          }),
          {
            status: 201,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    renderCard(EVENT);
    expect(screen.getByTestId('places').textContent).toBe('名额已满，可以排队');
    await userEvent.click(screen.getByRole('button', { name: '我要排队' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const request = fetch.mock.calls[0]![0];
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/events/e1/registrations');
    expect(await request.json()).toEqual({});
  }, 20_000);

  it('says an event is called off and why, with no button to register', () => {
    renderCard({ ...EVENT, status: 'cancelled', cancel_reason: '下雨' });
    expect(screen.getByTestId('called-off').textContent).toContain('原因：下雨');
    expect(screen.queryByTestId('register')).toBeNull();
  });

  it('shows where the registration stands and offers to cancel it', () => {
    renderCard(EVENT, {
      id: 'r1',
      event_id: 'e1',
      resident_id: 'x',
      resident_name: '张三',
      status: 'waitlisted',
      walk_in: false,
      created_at: '2026-11-28T00:00:00Z',
    });
    expect(screen.getByTestId('registration-status').textContent).toBe('排队中');
    expect(screen.getByTestId('cancel-registration')).toBeTruthy();
  });

  it('asks 为谁报名 when the household has more than one person, and registers the family member chosen', async () => {
    const fetch = vi.fn(
      async (_: Request) =>
        new Response(
          JSON.stringify({
            id: 'r2',
            event_id: 'e1',
            resident_id: 'liu',
            resident_name: '刘春俊',
            status: 'registered',
            walk_in: false,
            created_at: '2026-11-28T00:00:00Z',
          }),
          { status: 201, headers: { 'content-type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const household = [
      { id: 'zhang', name: '张秀英', self: true },
      { id: 'liu', name: '刘春俊', self: false },
      { id: 'yue', name: '刘月秀', self: false },
    ];
    const mine: Registration = {
      id: 'r1',
      event_id: 'e1',
      resident_id: 'zhang',
      resident_name: '张秀英',
      status: 'registered',
      walk_in: false,
      created_at: '2026-11-28T00:00:00Z',
    };
    const theirs: Registration = { ...mine, id: 'r3', resident_id: 'yue', resident_name: '刘月秀', status: 'waitlisted' };
    renderCard({ ...EVENT, places_left: 5 }, mine, household, [theirs]);
    // The family member already registered is listed, with a way to cancel for them.
    expect(screen.getByTestId('family-registration').textContent).toContain('刘月秀');
    expect(screen.getByRole('button', { name: '取消刘月秀的报名' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '为家人报名' }));
    const dialog = await screen.findByRole('dialog', { name: '为谁报名' });
    // Only who is not registered yet can be chosen.
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['刘春俊']);
    await userEvent.click(within(dialog).getByRole('button', { name: '我要报名' }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const request = fetch.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe('/api/v1/events/e1/registrations');
    expect(await request.json()).toEqual({ resident_id: 'liu' });
  }, 20_000);
});
