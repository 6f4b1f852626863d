import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type PledgeDetail = Schemas['PledgeDetailDto'];

export function usePledge(id: string | undefined) {
  return useQuery({
    queryKey: ['pledges', 'pledge', id],
    queryFn: () => unwrap(api.GET('/api/v1/pledges/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}
