import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Resident = Schemas['ResidentDto'];

/** A resident's own household (the API lists only that for a resident), to register a family member. */
export function useHousehold(enabled = true) {
  return useQuery({
    queryKey: ['events', 'household'],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { limit: 50 } } })),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
