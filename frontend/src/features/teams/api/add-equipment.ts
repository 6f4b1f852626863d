import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type EquipmentRequest = Schemas['EquipmentRequest'];

/** Bought by the community, or given by a partner (naming the goods pledge it came from). */
export function useAddEquipment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, body }: { teamId: string; body: EquipmentRequest }) =>
      unwrap(api.POST('/api/v1/teams/{id}/equipment', { params: { path: { id: teamId } }, body })),
    onSuccess: (_, { teamId }) => queryClient.invalidateQueries({ queryKey: ['teams', 'team', teamId] }),
  });
}
