import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export type MembershipMove = 'approve' | 'decline' | 'leave';

/**
 * Approve or decline a request (staff, the team's leader), or end a membership or request (the
 * member's household, the leader, staff).
 */
export function useMoveMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, membershipId, move, version }: { teamId: string; membershipId: string; move: MembershipMove; version: number }) => {
      const params = { path: { id: teamId, membership: membershipId } };
      const body = { version };
      switch (move) {
        case 'approve':
          return unwrap(api.POST('/api/v1/teams/{id}/members/{membership}/approve', { params, body }));
        case 'decline':
          return unwrap(api.POST('/api/v1/teams/{id}/members/{membership}/decline', { params, body }));
        case 'leave':
          return unwrap(api.POST('/api/v1/teams/{id}/members/{membership}/leave', { params, body }));
      }
    },
    // Someone quicker (412, 409) leaves the list as it now is.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
