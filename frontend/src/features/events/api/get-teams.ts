import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Team = Schemas['TeamDto'];

/** The community's teams (腰鼓队, 纸扇队 …), for an event only a team's members may register for. */
export function useTeams(enabled = true) {
  return useQuery({
    queryKey: ['events', 'teams'],
    queryFn: () => unwrap(api.GET('/api/v1/teams', {})),
    enabled,
    staleTime: 5 * 60_000,
  });
}
