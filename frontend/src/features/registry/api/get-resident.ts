import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export const residentKey = (id: string) => ['registry', 'resident', id] as const;

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: residentKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/residents/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}
