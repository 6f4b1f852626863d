import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type WebhookDelivery = Schemas['WebhookDeliveryDto'];

export function useDeliveries(endpointId: string) {
  return useInfiniteQuery({
    queryKey: ['webhooks', 'deliveries', endpointId],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
