import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The community's resident groups (the queue's group filter). */
export function useGroups() {
  return useQuery({
    queryKey: ['help-requests', 'groups'],
    queryFn: () => unwrap(api.GET('/api/v1/groups')),
    staleTime: 10 * 60_000,
  });
}
