import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { api } from '@/api/client';

/** The published handbook: its categories are what a request can be about, with their time limits and contacts. */
export function useHandbook() {
  return useQuery({
    queryKey: ['help-requests', 'handbook'],
    queryFn: () => unwrap(api.GET('/api/v1/handbook')),
    staleTime: 10 * 60_000,
  });
}
