import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { Feed } from './get-feed';

export type NewFeed = Schemas['NewFeedDto'];

/** A new secret feed URL (shown once); any earlier one stops working. */
export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/calendar/feed')),
    onSuccess: (feed) => queryClient.setQueryData<Feed>(['calendar', 'feed'], { active: true, created_at: feed.created_at, last_read_at: null }),
  });
}
