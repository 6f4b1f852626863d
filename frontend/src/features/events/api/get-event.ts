import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useEvent(id: string) {
  return useQuery({
    queryKey: ['events', 'event', id],
    queryFn: () => unwrap(api.GET('/api/v1/events/{id}', { params: { path: { id } } })),
  });
}
