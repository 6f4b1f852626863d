import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type ElderlySummary = Schemas['ElderlySummaryDto'];

/** How many are 60+ … 100+, and where the 优待证 stand (a leader: their group). */
export function useElderlySummary(enabled = true) {
  return useQuery({
    queryKey: ['elderly', 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/elderly/summary')),
    enabled,
  });
}
