import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import type { Handbook } from './types';

export const editionKey = (id: string) => ['handbook', 'edition', id];

/** One edition with all its categories and entries (staff). */
export function useEdition(id: string) {
  return useQuery({
    queryKey: editionKey(id),
    queryFn: () => unwrap(loose.GET<Handbook>('/api/v1/handbook/editions/{id}', { params: { path: { id } } })),
    retry: false,
  });
}
