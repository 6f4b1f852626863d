import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';
import { caseKey } from './get-case';

export type CaseMove = Schemas['CaseMoveRequest'];

/** POST /cases/{id}/refuse: the version loaded, a note (the reason, required), the day it happened. */
export function useRefuseCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseMove) => unwrap(api.POST('/api/v1/cases/{id}/refuse', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(caseKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
