import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type VenueEvent = Schemas['VenueEventDto'];
export type VenueSeries = Schemas['VenueSeriesDto'];

/** What is held at the partner's venues in a period (RFC 3339 instants): when, what, how many. */
export function useVenueEvents(from: string, to: string) {
  return useQuery({
    queryKey: ['events', 'venue', from, to],
    queryFn: () => unwrap(api.GET('/api/v1/venue-events', { params: { query: { from, to } } })),
  });
}
