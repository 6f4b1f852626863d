import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type FinancesUpdate = Schemas['FinancesUpdateRequest'];

/** Records a case's income and assets (the assignee or a supervisor). */
export function usePutCaseFinances(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FinancesUpdate) => unwrap(api.PUT('/api/v1/cases/{id}/finances', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance', 'case', id] }),
  });
}
