import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { EventType } from './get-endpoints';

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, url, events, description }: { key: string; url: string; events: EventType[]; description?: string }) =>
      unwrap(api.POST('/api/v1/webhooks/endpoints', { params: { header: { 'Idempotency-Key': key } }, body: { url, events, description } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
