import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { RequestFilters } from './types';

export const REQUESTS = ['help-requests'] as const;

/**
 * Requests a page at a time, as the server orders them: open ones by time left, then finished
 * ones newest first (staff: all; a leader: the group's; a resident: the household's).
 */
export function useRequests(filters: RequestFilters = {}) {
  return useInfiniteQuery({
    queryKey: [...REQUESTS, 'list', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/help-requests', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
