import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type ImportSummary = Schemas['ImportSummaryDto'];

export const myImportsKey = ['registry', 'imports', 'mine'] as const;

/** The caller's five latest imports (and checks), newest first, without their row reports. */
export function useMyImports() {
  return useQuery({
    queryKey: myImportsKey,
    queryFn: () => unwrap(api.GET('/api/v1/registry/imports', { params: { query: { mine: true, limit: 5 } } })),
  });
}
