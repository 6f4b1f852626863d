import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/**
 * A resident asks to join for themself (no `residentId`) or a member of their household; staff add
 * anyone directly.
 */
export function useJoinTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, residentId }: { teamId: string; residentId?: string }) =>
      unwrap(api.POST('/api/v1/teams/{id}/members', { params: { path: { id: teamId } }, body: residentId ? { resident_id: residentId } : {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
