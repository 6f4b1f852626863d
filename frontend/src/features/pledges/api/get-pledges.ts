import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Pledge = Schemas['PledgeDto'];
export type PledgeStatus = Schemas['PledgeStatus'];
export type SupportDetails = Schemas['SupportDetails'];

export interface PledgeFilters {
  status?: PledgeStatus;
  partner_id?: string;
  need_id?: string;
}

export function usePledges(filters: PledgeFilters) {
  return useInfiniteQuery({
    queryKey: ['pledges', 'pledges', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/pledges', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
