// A partner's webhook endpoints and their delivery log.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Endpoint = Schemas['EndpointDto'];
export type EventType = Schemas['EventType'];
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];

export const EVENT_TYPES: EventType[] = ['pledge.accepted', 'pledge.declined', 'pledge.fulfilled', 'need.published'];

/** A partner's own endpoints; staff pass the partner whose endpoints to show. */
export function useEndpoints(partnerId?: string) {
  return useQuery({
    queryKey: ['webhooks', 'endpoints', partnerId ?? 'own'],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/endpoints', { params: { query: { partner_id: partnerId } } })),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
}

export function useCreateEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ key, url, events, description }: { key: string; url: string; events: EventType[]; description?: string }) =>
      unwrap(api.POST('/api/v1/webhooks/endpoints', { params: { header: { 'Idempotency-Key': key } }, body: { url, events, description } })),
    onSuccess: invalidate,
  });
}

export function useSetEndpointEnabled() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, enabled }: { id: string; version: number; enabled: boolean }) =>
      unwrap(api.PATCH('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } }, body: { version, enabled } })),
    onSuccess: invalidate,
  });
}

export function useRotateEndpointSecret() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, key }: { id: string; key: string }) =>
      unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', { params: { path: { id }, header: { 'Idempotency-Key': key } } })),
    onSuccess: invalidate,
  });
}

export function useDeliveries(endpointId: string) {
  return useInfiniteQuery({
    queryKey: ['webhooks', 'deliveries', endpointId],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { cursor: pageParam, limit: 20 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useResendDelivery(endpointId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ delivery, key }: { delivery: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/webhooks/endpoints/{id}/deliveries/{delivery}/resend', {
          params: { path: { id: endpointId, delivery }, header: { 'Idempotency-Key': key } },
        }),
      ),
    onSuccess: invalidate,
  });
}
