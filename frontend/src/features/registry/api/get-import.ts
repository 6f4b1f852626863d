import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Long-polls: answers when the import has moved on (or after 20 s). */
export function waitForImport(id: string) {
  return unwrap(api.GET('/api/v1/registry/imports/{id}', { params: { path: { id }, query: { wait: true } } }));
}

/** One import and its row report; while it runs, asked again until it has finished. */
export function useImport(id: string) {
  return useQuery({
    queryKey: ['registry', 'imports', id],
    queryFn: () => unwrap(api.GET('/api/v1/registry/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 2000 : false),
  });
}
