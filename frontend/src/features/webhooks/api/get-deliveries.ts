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
    // While something is still pending, look again every 2 s so the log shows the outcome.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 2000 : false),
  });
}
