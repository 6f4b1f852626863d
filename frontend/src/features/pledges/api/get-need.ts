import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useNeed(id: string | undefined) {
  return useQuery({
    queryKey: ['pledges', 'need', id],
    queryFn: () => unwrap(api.GET('/api/v1/needs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}
