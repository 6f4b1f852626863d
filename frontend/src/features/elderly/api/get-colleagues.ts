import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Colleague = Schemas['ColleagueDto'];

/** The community's active staff (first) and group leaders: whom a visit can be given to. */
export function useColleagues(enabled = true) {
  return useQuery({
    queryKey: ['elderly', 'colleagues'],
    queryFn: () => unwrap(api.GET('/api/v1/colleagues')),
    enabled,
    staleTime: 5 * 60_000,
  });
}
