import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useCancelEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version: number }) =>
      unwrap(api.POST('/api/v1/events/{id}/cancel', { params: { path: { id } }, body: { reason, version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
