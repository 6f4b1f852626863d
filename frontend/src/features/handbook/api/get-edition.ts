import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { complete } from './types';

export const editionKey = (id: string) => ['handbook', 'edition', id];

/** One edition with all its categories and entries (staff). */
export function useEdition(id: string) {
  return useQuery({
    queryKey: editionKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/handbook/editions/{id}', { params: { path: { id } } })).then(complete),
    retry: false,
  });
}
