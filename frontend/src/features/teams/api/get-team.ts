import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** A team with its equipment; its members and open requests for staff and the team's leader. */
export function useTeam(id: string) {
  return useQuery({
    queryKey: ['teams', 'team', id],
    queryFn: () => unwrap(api.GET('/api/v1/teams/{id}', { params: { path: { id } } })),
  });
}
