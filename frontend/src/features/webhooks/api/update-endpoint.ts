import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useSetEndpointEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, enabled }: { id: string; version: number; enabled: boolean }) =>
      unwrap(api.PATCH('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } }, body: { version, enabled } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
