import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Every edition, drafts and published (staff). */
export function useEditions() {
  return useQuery({
    queryKey: ['handbook', 'editions'],
    queryFn: () => unwrap(api.GET('/api/v1/handbook/editions')),
  });
}
