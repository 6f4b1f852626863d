import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type ApiClient = Schemas['ApiClientDto'];

export function useClients(id: string, enabled = true) {
  return useQuery({
    queryKey: ['partners', 'clients', id],
    queryFn: () => unwrap(api.GET('/api/v1/partners/{id}/clients', { params: { path: { id } } })),
    enabled,
  });
}
