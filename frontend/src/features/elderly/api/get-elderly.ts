import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

/** An older resident on an age list, with their 优待证 (its id and version, to issue an application). */
export type OlderResident = Schemas['OlderResidentDto'];
export type CardFilter = 'none' | 'applied' | 'issued';

export interface ElderlyFilters {
  min_age?: number;
  below_age?: number;
  group_id?: string;
  card?: CardFilter;
}

/** Older residents of a band, oldest first, a page at a time (a leader: their group). */
export function useElderly(filters: ElderlyFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['elderly', 'list', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/elderly', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    select: (data): OlderResident[] => data.pages.flatMap((p) => p.items),
    enabled,
  });
}
