import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import { caseKey } from './get-case';

export type Solution = Schemas['SolveRequest'];

/** Solved (procedures without an approving decision); re-employment says where the person was placed. */
export function useSolveCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Solution) => unwrap(api.POST('/api/v1/cases/{id}/solve', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(caseKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
