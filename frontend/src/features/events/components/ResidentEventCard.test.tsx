import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import i18n from '@/lib/i18n';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';
import { ResidentEventCard } from './ResidentEventCard';

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
};

function renderCard(event: EventItem, mine?: Registration) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <ResidentEventCard event={event} mine={mine} />
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
});
