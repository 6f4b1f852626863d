import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Feed = Schemas['FeedDto'];

/** Whether I have a calendar feed, since when, and when a calendar last read it. */
export function useFeed() {
  return useQuery({
    queryKey: ['calendar', 'feed'],
    queryFn: () => unwrap(api.GET('/api/v1/calendar/feed')),
  });
}
