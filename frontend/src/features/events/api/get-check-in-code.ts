import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The resident's own code for the door; it never changes. */
export function useCheckInCode(enabled = true) {
  return useQuery({
    queryKey: ['events', 'check-in-code'],
    queryFn: () => unwrap(api.GET('/api/v1/events/check-in-code', {})),
    enabled,
    staleTime: Infinity,
  });
}
