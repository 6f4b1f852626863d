import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** One resident (the applicant a case is opened for, named by a link), with their household. */
export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: ['assistance', 'resident', id],
    queryFn: () => unwrap(api.GET('/api/v1/residents/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
    retry: false,
  });
}
