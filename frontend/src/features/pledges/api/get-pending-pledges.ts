import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Pledges waiting for a decision (the first 200; the home page says "200+" beyond). */
export function usePendingPledges(enabled: boolean) {
  return useQuery({
    queryKey: ['pledges', 'pledges', 'pending-count'],
    queryFn: () => unwrap(api.GET('/api/v1/pledges', { params: { query: { status: 'submitted', limit: 200 } } })),
    enabled,
  });
}
