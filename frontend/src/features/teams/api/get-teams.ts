import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Team = Schemas['TeamDto'];
export type TeamDetail = Schemas['TeamDetailDto'];
export type Membership = Schemas['MembershipDto'];
export type MembershipStatus = Schemas['MembershipStatus'];
export type Equipment = Schemas['EquipmentDto'];

/** Every team of the community; a resident also sees where their household stands with each. */
export function useTeams() {
  return useQuery({
    queryKey: ['teams', 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/teams', {})),
  });
}
