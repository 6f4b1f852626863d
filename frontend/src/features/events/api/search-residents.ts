import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Residents by name, pinyin or initials, for checking someone in by name (within the caller's reach). */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['events', 'residents', q],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit: 20 } } })),
    enabled: q.trim().length > 0,
  });
}
