import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { api } from '@/api/client';

export const requestKey = (id: string) => [...REQUESTS, 'one', id] as const;

/** One request in full, as the caller may see it (residents and leaders: no internal notes). */
export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/help-requests/{id}', { params: { path: { id } } })),
    enabled: id !== '',
  });
}
