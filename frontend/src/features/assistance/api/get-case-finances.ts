import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CaseFinances = Schemas['CaseFinancesDto'];

/**
 * Reads a case's income and assets with a stated reason (audited on every read). A mutation, not
 * a query: each read is a deliberate act, never a background refetch or a cached copy.
 */
export function useReadCaseFinances(id: string) {
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.GET('/api/v1/cases/{id}/finances', { params: { path: { id }, query: { reason } } })),
  });
}
