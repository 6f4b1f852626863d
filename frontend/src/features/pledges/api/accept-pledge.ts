import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useAcceptPledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note?: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/accept', { params: { path: { id } }, body: { version, note } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
