import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import { caseKey } from './get-case';

export type CaseMove = Schemas['CaseMoveRequest'];

/** POST /cases/{id}/close: the version loaded, a note (the reason, required), the day it happened. */
export function useCloseCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseMove) => unwrap(api.POST('/api/v1/cases/{id}/close', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(caseKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
