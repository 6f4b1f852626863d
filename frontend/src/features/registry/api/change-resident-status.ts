import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type ChangeStatus = Schemas['ChangeStatusRequest'];

export function useChangeResidentStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeStatus) => unwrap(api.POST('/api/v1/residents/{id}/status', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry'] }),
  });
}
