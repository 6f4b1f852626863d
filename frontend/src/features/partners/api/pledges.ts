// Pledges: submit (with an Idempotency-Key), review, deliver, withdraw; the thank-you list.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Pledge = Schemas['PledgeDto'];
export type PledgeDetail = Schemas['PledgeDetailDto'];
export type PledgeStatus = Schemas['PledgeStatus'];
export type SupportDetails = Schemas['SupportDetails'];
export type CreatePledge = Schemas['CreatePledgeRequest'];
export type DeliveryRequest = Schemas['DeliveryRequest'];
export type Thanks = Schemas['ThanksDto'];

export interface PledgeFilters {
  status?: PledgeStatus;
  partner_id?: string;
  need_id?: string;
}

export function usePledges(filters: PledgeFilters) {
  return useInfiniteQuery({
    queryKey: ['support', 'pledges', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/pledges', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function usePledge(id: string | undefined) {
  return useQuery({
    queryKey: ['support', 'pledge', id],
    queryFn: () => unwrap(api.GET('/api/v1/pledges/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['support'] });
}

/** `key` is made once per form, so a double submit or a retry after a network error creates one pledge. */
export function useCreatePledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: CreatePledge }) =>
      unwrap(api.POST('/api/v1/pledges', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

export function useAcceptPledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note?: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/accept', { params: { path: { id } }, body: { version, note } })),
    onSuccess: invalidate,
  });
}

export function useDeclinePledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/decline', { params: { path: { id } }, body: { version, reason } })),
    onSuccess: invalidate,
  });
}

export function useWithdrawPledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, key }: { id: string; version: number; key: string }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { version } })),
    onSuccess: invalidate,
  });
}

export function useRecordDelivery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeliveryRequest }) =>
      unwrap(api.POST('/api/v1/pledges/{id}/deliveries', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useThanks() {
  return useQuery({ queryKey: ['support', 'thanks'], queryFn: () => unwrap(api.GET('/api/v1/thanks')) });
}
