import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Occurrence = Schemas['OccurrenceDto'];

/** A recurring event's days from `from` to `to` (YYYY-MM-DD, at most 366 days), called off or not. */
export function useOccurrences(id: string, from: string, to: string) {
  return useQuery({
    queryKey: ['events', 'series', id, 'occurrences', from, to],
    queryFn: () => unwrap(api.GET('/api/v1/event-series/{id}/occurrences', { params: { path: { id }, query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
}
