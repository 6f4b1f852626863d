import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Need = Schemas['NeedDto'];
export type NeedStatus = Schemas['NeedStatus'];

export function useNeeds(status?: NeedStatus) {
  return useInfiniteQuery({
    queryKey: ['pledges', 'needs', status ?? 'all'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/needs', { params: { query: { status, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
