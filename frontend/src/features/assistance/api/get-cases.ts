import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CaseSummary = Schemas['CaseSummaryDto'];
export type CaseStatus = Schemas['CaseStatus'];

export interface CaseFilters {
  status?: CaseStatus;
  kind?: Schemas['CaseKind'];
  assignee_id?: string;
  overdue?: boolean;
  review_due?: boolean;
}

/** Cases by their step's deadline, overdue first, a page at a time (staff: all; a resident: their household's). */
export function useCases(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: ['assistance', 'cases', filters],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/cases', { params: { query: { ...filters, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The first few cases matching, for a home widget's count and list. */
export function useCasesPeek(filters: CaseFilters, limit = 50) {
  return useQuery({
    queryKey: ['assistance', 'cases', 'peek', filters, limit],
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { ...filters, limit } } })),
  });
}
