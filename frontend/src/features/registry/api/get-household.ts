import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type HouseholdDetail = Schemas['HouseholdDetailDto'];

export const householdKey = (id: string) => ['registry', 'household', id] as const;

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: householdKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/households/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}
