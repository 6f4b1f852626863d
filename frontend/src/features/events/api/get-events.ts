import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type EventItem = Schemas['EventDto'];
export type EventKind = Schemas['EventKind'];
export type Audience = Schemas['Audience'];
export const EVENT_KINDS: EventKind[] = ['lecture', 'performance', 'cleanup', 'meeting', 'square'];
export const AUDIENCES: Audience[] = ['all', 'party_members', 'team'];

/**
 * The events from now on (the next 90 days), soonest first; or those starting in a period
 * (`from`, `to` as RFC 3339 instants, at most a year apart), e.g. a month of the calendar.
 */
export function useEvents(period?: { from: string; to: string }) {
  return useQuery({
    queryKey: period ? ['events', 'list', period.from, period.to] : ['events', 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/events', period ? { params: { query: period } } : {})),
  });
}
