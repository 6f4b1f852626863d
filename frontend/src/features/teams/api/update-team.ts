import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type UpdateTeam = Schemas['UpdateTeamRequest'];

/** Name, description, schedule and leader, with the version it was loaded at (412 when stale). */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTeam }) => unwrap(api.PUT('/api/v1/teams/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
