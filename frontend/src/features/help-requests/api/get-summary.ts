import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { hr } from './loose';
import type { RequestsSummary } from './types';

/** The queue in five numbers (staff): open, unassigned, overdue, escalated, follow-up calls due. */
export function useRequestsSummary() {
  return useQuery({
    queryKey: [...REQUESTS, 'summary'],
    queryFn: () => unwrap(hr.GET<RequestsSummary>('/api/v1/help-requests/summary')),
  });
}
