import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type EventItem = Schemas['EventDto'];
export type EventKind = Schemas['EventKind'];
export const EVENT_KINDS: EventKind[] = ['lecture', 'performance', 'cleanup', 'meeting', 'square'];

/** The events from now on (the next 90 days), soonest first. */
export function useEvents() {
  return useQuery({
    queryKey: ['events', 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/events', {})),
  });
}
