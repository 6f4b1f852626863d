import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function usePartner(id: string) {
  return useQuery({ queryKey: ['partners', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/partners/{id}', { params: { path: { id } } })) });
}
