// Keys of third-party Open311 clients (a civic app, the county's platform): listed, issued (the
// key itself is in the answer to the issue only) and revoked.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

const KEYS = ['open311', 'keys'];

export function useOpen311Keys() {
  return useQuery({ queryKey: KEYS, queryFn: () => unwrap(api.GET('/api/v1/open311/keys')) });
}

export function useIssueOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/open311/keys', { body: { name } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS }),
  });
}

export function useRevokeOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/open311/keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEYS }),
  });
}
