import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreatePartner = Schemas['CreatePartnerRequest'];

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartner) => unwrap(api.POST('/api/v1/partners', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
}
