import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useRevokeClient(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: string) => unwrap(api.POST('/api/v1/partners/{id}/clients/{client}/revoke', { params: { path: { id: partnerId, client } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners', 'clients', partnerId] }),
  });
}
