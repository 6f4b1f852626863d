import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import { caseKey } from './get-case';

export type CaseUpdate = Schemas['CaseUpdateRequest'];

/** Assignee, documents received, conflict of interest, sharing, amount… with the version loaded (412 when stale). */
export function useUpdateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseUpdate) => unwrap(api.PUT('/api/v1/cases/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(caseKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
