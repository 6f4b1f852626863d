import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Series = Schemas['SeriesDto'];

/** The community's recurring events (the nightly square first of all), each with its called-off days. */
export function useSeriesList(enabled = true) {
  return useQuery({
    queryKey: ['events', 'series'],
    queryFn: () => unwrap(api.GET('/api/v1/event-series', {})),
    enabled,
  });
}

/** One recurring event with its called-off days; 404 when the community has no such series. */
export function useSeries(id: string) {
  return useQuery({
    queryKey: ['events', 'series', id],
    queryFn: () => unwrap(api.GET('/api/v1/event-series/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}
