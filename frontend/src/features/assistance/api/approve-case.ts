import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import { caseKey } from './get-case';

export type Approval = Schemas['ApproveRequest'];

/** The approving body's decision: the amount in fen, monthly or once. */
export function useApproveCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Approval) => unwrap(api.POST('/api/v1/cases/{id}/approve', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(caseKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
