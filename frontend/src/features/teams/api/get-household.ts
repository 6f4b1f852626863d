import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** A resident's own household (the residents list, as a resident, is their household). */
export function useHousehold(enabled = true) {
  return useQuery({
    queryKey: ['teams', 'household'],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { limit: 50 } } })),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
