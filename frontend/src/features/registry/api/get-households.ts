import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Household = Schemas['HouseholdDto'];
export interface HouseholdFilters {
  group_id?: string;
  address?: string;
}

export function useHouseholds(filters: HouseholdFilters) {
  return useInfiniteQuery({
    queryKey: ['registry', 'households', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/households', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
