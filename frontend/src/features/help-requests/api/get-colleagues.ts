import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The community's active staff (first) and group leaders: whom a request can be given to. */
export function useColleagues(enabled = true) {
  return useQuery({
    queryKey: ['help-requests', 'colleagues'],
    queryFn: () => unwrap(api.GET('/api/v1/colleagues')),
    enabled,
    staleTime: 5 * 60_000,
  });
}
