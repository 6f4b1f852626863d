import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useWithdrawPledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, key }: { id: string; version: number; key: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
