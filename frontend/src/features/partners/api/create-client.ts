import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type ClientSecret = Schemas['ApiClientSecretDto'];

export function useCreateClient(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/partners/{id}/clients', { params: { path: { id: partnerId } }, body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners', 'clients', partnerId] }),
  });
}
