import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Endpoint = Schemas['EndpointDto'];
export type EventType = Schemas['EventType'];

export const EVENT_TYPES: EventType[] = ['pledge.accepted', 'pledge.declined', 'pledge.fulfilled', 'need.published'];

/** A partner's own endpoints; staff pass the partner whose endpoints to show. */
export function useEndpoints(partnerId?: string) {
  return useQuery({
    queryKey: ['webhooks', 'endpoints', partnerId ?? 'own'],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/endpoints', { params: { query: { partner_id: partnerId } } })),
  });
}
