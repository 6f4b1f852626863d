import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Resident = Schemas['ResidentDto'];
export type Tag = Schemas['Tag'];
export type Relationship = Schemas['Relationship'];
export type ResidentStatus = Schemas['ResidentStatus'];

export interface ResidentFilters {
  q?: string;
  group_id?: string;
  household_id?: string;
  min_age?: number;
  max_age?: number;
  tags?: string;
  status?: string;
}

export function useResidents(filters: ResidentFilters) {
  return useInfiniteQuery({
    queryKey: ['registry', 'residents', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/residents', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
