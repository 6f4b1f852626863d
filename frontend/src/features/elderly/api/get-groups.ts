import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Group = Schemas['GroupDto'];

/** The resident groups with their leaders: the group filter, and the leaders a visit can go to. */
export function useGroups(enabled = true) {
  return useQuery({
    queryKey: ['elderly', 'groups'],
    queryFn: () => unwrap(api.GET('/api/v1/groups')),
    enabled,
    staleTime: 5 * 60_000,
  });
}
