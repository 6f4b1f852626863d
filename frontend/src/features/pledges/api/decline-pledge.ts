import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useDeclinePledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/decline', { params: { path: { id } }, body: { version, reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
