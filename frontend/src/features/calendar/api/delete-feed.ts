import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Stops my feed: its URL stops working at once. */
export function useDeleteFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/calendar/feed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['calendar', 'feed'] }),
  });
}
