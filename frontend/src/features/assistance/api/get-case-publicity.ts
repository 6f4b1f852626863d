import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type PublicityNotice = Schemas['PublicityNotice'];

/** What the 公示 notice may show: name, household size, amount, the period, where to object. */
export function useCasePublicity(id: string) {
  return useQuery({
    queryKey: ['assistance', 'publicity', id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/publicity', { params: { path: { id } } })),
    retry: false,
  });
}
