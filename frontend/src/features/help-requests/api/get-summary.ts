import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { api } from '@/api/client';

/** The queue in five numbers (staff): open, unassigned, overdue, escalated, follow-up calls due. */
export function useRequestsSummary() {
  return useQuery({
    queryKey: [...REQUESTS, 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/help-requests/summary')),
  });
}
