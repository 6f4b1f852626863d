import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { notificationsKey, type Notifications } from './get-notifications';

/**
 * A cached list with one notification (`id`) or all of them (`null`) read: the badge goes down at
 * once, before the server answers. A list of unread ones drops them.
 */
export function markInCache(data: Notifications | undefined, id: string | null, unreadOnly: boolean): Notifications | undefined {
  if (!data) return data;
  const hit = (n: Notifications['items'][number]) => !n.read && (id === null || n.id === id);
  const newlyRead = data.items.filter(hit).length;
  if (newlyRead === 0 && id !== null) return data;
  return {
    items: unreadOnly ? data.items.filter((n) => !hit(n)) : data.items.map((n) => (hit(n) ? { ...n, read: true } : n)),
    unread: id === null ? 0 : Math.max(0, data.unread - newlyRead),
  };
}

/** Marks one notification read (`id`) or all of them (`null`). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      id === null ? unwrap(api.POST('/api/v1/notifications/read-all', {})) : unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: ['notifications'] });
      for (const unreadOnly of [false, true]) {
        queryClient.setQueryData<Notifications>(notificationsKey(unreadOnly), (data) => markInCache(data, id, unreadOnly));
      }
    },
    // Whatever happened, the lists and the badge as the server has them.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
