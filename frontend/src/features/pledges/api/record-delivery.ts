import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type DeliveryRequest = Schemas['DeliveryRequest'];

export function useRecordDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeliveryRequest }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/deliveries', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pledges'] }),
  });
}
