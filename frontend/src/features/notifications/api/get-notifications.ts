import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Notification = Schemas['NotificationDto'];
export type NotificationKind = Schemas['NotificationKind'];
export type Notifications = Schemas['NotificationsDto'];

/** How often the badge asks for news (and whenever the window comes back into focus). */
export const POLL_MS = 60_000;

export const notificationsKey = (unreadOnly: boolean) => ['notifications', 'list', unreadOnly ? 'unread' : 'all'] as const;

/**
 * The user's own notifications, newest first, with the number unread: all of them (the newest 50)
 * or only the unread ones (the bell and the home widget share that one).
 */
export function useNotifications(unreadOnly = false, enabled = true) {
  return useQuery({
    queryKey: notificationsKey(unreadOnly),
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: unreadOnly ? { unread: true } : {} } })),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    enabled,
  });
}
