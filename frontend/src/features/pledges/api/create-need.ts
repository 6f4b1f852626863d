import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateNeed = Schemas['CreateNeedRequest'];

export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNeed) => unwrap(api.POST('/api/v1/needs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
