import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import type { EditionSummary } from './types';

/** Every edition, drafts and published (staff). */
export function useEditions() {
  return useQuery({
    queryKey: ['handbook', 'editions'],
    queryFn: () => unwrap(loose.GET<EditionSummary[]>('/api/v1/handbook/editions')),
  });
}
