import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Long-polls: answers when the import has moved on (or after 20 s). */
export function waitForImport(id: string) {
  return unwrap(api.GET('/api/v1/registry/imports/{id}', { params: { path: { id }, query: { wait: true } } }));
}
