import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Contributions = Schemas['ContributionSummaryDto'];

export function useContributions(id: string, year: number) {
  return useQuery({
    queryKey: ['pledges', 'contributions', id, year],
    queryFn: () => unwrap(api.GET('/api/v1/partners/{id}/contributions', { params: { path: { id }, query: { year } } })),
  });
}
