import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import i18n from '@/lib/i18n';
import type { Notification, Notifications } from '../api/get-notifications';
import { markInCache } from '../api/mark-read';
import { NotificationsPage } from '../routes/NotificationsPage';
import { OpenNotificationPage } from '../routes/OpenNotificationPage';
import { NotificationBell } from './NotificationBell';
import { NotificationsWidget } from './NotificationsWidget';
import { targetOf } from './text';

vi.mock('@/lib/session', () => ({ useMe: () => ({ role: 'resident', display_name: '张秀英', community: { name: '星光社区' } }) }));

const n = (id: string, read: boolean, extra: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'team_decision',
  title: `张秀英 已加入腰鼓队 ${id}`,
  body: '每周二、四、六 19:00–20:30 广场东侧',
  link: '/teams/t1',
  read,
  created_at: new Date().toISOString(),
  ...extra,
});

/** The notifications API over a list that marking changes, as the server would. */
function server(items: Notification[]) {
  let rows = items;
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/api/v1/notifications/read-all') {
      rows = rows.map((x) => ({ ...x, read: true }));
      return new Response(null, { status: 204 });
    }
    const one = url.pathname.match(/^\/api\/v1\/notifications\/([^/]+)\/read$/);
    if (request.method === 'POST' && one) {
      rows = rows.map((x) => (x.id === one[1] ? { ...x, read: true } : x));
      return new Response(null, { status: 204 });
    }
    const unreadOnly = url.searchParams.get('unread') === 'true';
    const body: Notifications = { items: rows.filter((x) => !unreadOnly || !x.read), unread: rows.filter((x) => !x.read).length };
    return Response.json(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const posts = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls
    .map(([r]) => r as Request)
    .filter((r) => r.method === 'POST')
    .map((r) => new URL(r.url).pathname);

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname}</div>;
}

function renderAt(path: string) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <NotificationBell />
          <Routes>
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/notifications/:id" element={<OpenNotificationPage />} />
            <Route path="/home" element={<NotificationsWidget />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('notifications', () => {
  it('the bell says how many are unread, to the eye and to a screen reader, and opens the list', async () => {
    server([n('a', false), n('b', false), n('c', true)]);
    renderAt('/elsewhere');
    const bell = screen.getByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAccessibleName('通知，2 条未读'));
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell.querySelector('.ant-badge')).toHaveTextContent('2');
  });

  it('the list marks the unread ones, and 全部标为已读 clears them and the badge', async () => {
    const fetch = server([n('a', false), n('b', true, { kind: 'duty_reminder', title: '明晚您在广场值班（12月1日）', link: '/duty/mine' })]);
    renderAt('/notifications');
    const items = await screen.findAllByTestId('notification');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('data-read', 'false');
    expect(within(items[0]!).getByTestId('unread-mark')).toHaveTextContent('未读');
    expect(within(items[0]!).getByTestId('notification-kind')).toHaveTextContent('入队结果');
    expect(within(items[1]!).queryByTestId('unread-mark')).toBeNull();
    expect(within(items[1]!).getByTestId('notification-kind')).toHaveTextContent('值班提醒');
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-unread', '1'));

    await userEvent.click(screen.getByTestId('mark-all-read'));
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-unread', '0'));
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('通知，没有未读');
    expect(posts(fetch)).toEqual(['/api/v1/notifications/read-all']);
    await waitFor(() => expect(screen.queryByTestId('unread-mark')).toBeNull());
  }, 20_000);

  it('opening one marks it read and shows its page; the badge goes down', async () => {
    const fetch = server([n('a', false), n('b', false)]);
    renderAt('/notifications');
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-unread', '2'));
    const first = (await screen.findAllByTestId('open-notification'))[0]!;
    expect(first).toHaveAttribute('href', '/notifications/a');
    await userEvent.click(first);
    expect(await screen.findByTestId('where')).toHaveTextContent('/teams/t1');
    await waitFor(() => expect(screen.getByTestId('notification-bell')).toHaveAttribute('data-unread', '1'));
    expect(posts(fetch)).toEqual(['/api/v1/notifications/a/read']);
  }, 20_000);

  it('one without a page of its own has 标为已读 instead of a link', async () => {
    const fetch = server([n('a', false, { link: '' })]);
    renderAt('/notifications');
    const item = await screen.findByTestId('notification');
    expect(within(item).queryByTestId('open-notification')).toBeNull();
    await userEvent.click(within(item).getByTestId('mark-read'));
    await waitFor(() => expect(posts(fetch)).toEqual(['/api/v1/notifications/a/read']));
    await waitFor(() => expect(item).toHaveAttribute('data-read', 'true'));
  }, 20_000);

  it('the home widget lists the unread ones, each opening through /notifications/:id', async () => {
    server([
      n('a', false, { kind: 'duty_reminder', title: '明晚您在广场值班（12月1日）', body: '19:00–21:30，与王芳一起。', link: '/duty/mine' }),
      n('b', true),
    ]);
    renderAt('/home');
    const item = await screen.findByTestId('notifications-widget-item');
    expect(screen.getAllByTestId('notifications-widget-item')).toHaveLength(1);
    expect(within(item).getByRole('link', { name: '明晚您在广场值班（12月1日）' })).toHaveAttribute('href', '/notifications/a');
    expect(item).toHaveTextContent('值班提醒');
    expect(screen.getByTestId('notifications-widget')).toHaveTextContent('未读通知（1）');
  });

  it('the home widget is one line when nothing is unread', async () => {
    server([n('b', true)]);
    renderAt('/home');
    await waitFor(() => expect(screen.getByTestId('notifications-widget')).toHaveTextContent('没有未读通知'));
    expect(screen.queryByTestId('notifications-widget-item')).toBeNull();
  });

  it('opens only pages of this app', () => {
    expect(targetOf({ link: '/teams/1' })).toBe('/teams/1');
    expect(targetOf({ link: '' })).toBeUndefined();
    expect(targetOf({ link: 'https://example.com' })).toBeUndefined();
    expect(targetOf({ link: '//example.com/x' })).toBeUndefined();
    expect(targetOf({ link: 'javascript:alert(1)' })).toBeUndefined();
  });

  it('counts down in the cache before the server answers', () => {
    const data: Notifications = { items: [n('a', false), n('b', false), n('c', true)], unread: 5 };
    expect(markInCache(data, 'a', false)).toEqual({
      items: [{ ...n('a', true), created_at: data.items[0]!.created_at }, data.items[1], data.items[2]],
      unread: 4,
    });
    expect(markInCache(data, 'c', false)).toBe(data);
    expect(markInCache(data, 'a', true)?.items.map((x) => x.id)).toEqual(['b', 'c']);
    expect(markInCache(data, null, false)?.unread).toBe(0);
    expect(markInCache(data, null, true)?.items.map((x) => x.id)).toEqual(['c']);
  });
});
