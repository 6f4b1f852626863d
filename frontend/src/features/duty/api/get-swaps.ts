import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Swap = Schemas['SwapDto'];
export type SwapStatus = Schemas['SwapStatus'];

/** Swaps from tonight on, soonest first: a leader gets the open offers and their own; staff all. */
export function useSwaps(enabled = true) {
  return useQuery({
    queryKey: ['duty', 'swaps'],
    queryFn: () => unwrap(api.GET('/api/v1/duty/swaps')),
    enabled,
  });
}
