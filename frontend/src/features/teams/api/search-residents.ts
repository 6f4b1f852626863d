import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Residents by name, pinyin or initials: a team's leader, or someone staff add to a team. */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['teams', 'residents', q],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { q, limit: 20 } } })),
    enabled: q.trim().length > 0,
  });
}
