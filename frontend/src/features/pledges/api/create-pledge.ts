import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreatePledge = Schemas['CreatePledgeRequest'];

/** `key` is made once per form, so a double submit or a retry after a network error creates one pledge. */
export function useCreatePledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: CreatePledge }) =>
      unwrap(api.POST('/api/v1/pledges', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
