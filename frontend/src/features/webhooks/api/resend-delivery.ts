import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useResendDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ delivery, key }: { delivery: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/webhooks/endpoints/{id}/deliveries/{delivery}/resend', {
          params: { path: { id: endpointId, delivery }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
