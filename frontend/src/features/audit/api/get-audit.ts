// GET /api/v1/audit — one file per endpoint: the fetcher, its query key and its hook.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type AuditEntry = Schemas['AuditEntryDto'];

export interface AuditFilters {
  action?: string;
  entity_type?: string;
  from?: string;
  to?: string;
}

export function getAuditPage(filters: AuditFilters, cursor?: string) {
  return unwrap(api.GET('/api/v1/audit', { params: { query: { ...filters, cursor, limit: 50 } } }));
}

export const auditQueryKey = (filters: AuditFilters) => ['audit', filters] as const;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditQueryKey(filters),
    queryFn: ({ pageParam }) => getAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
