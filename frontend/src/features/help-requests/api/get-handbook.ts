import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { hr } from './loose';
import type { Handbook } from './types';

/** The published handbook: its categories are what a request can be about, with their time limits and contacts. */
export function useHandbook() {
  return useQuery({
    queryKey: ['help-requests', 'handbook'],
    queryFn: () => unwrap(hr.GET<Handbook>('/api/v1/handbook')),
    staleTime: 10 * 60_000,
  });
}
