import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type TeamRequest = Schemas['TeamRequest'];

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamRequest) => unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
