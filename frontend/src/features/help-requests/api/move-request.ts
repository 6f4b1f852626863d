import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { requestKey } from './get-request';
import { hr } from './loose';
import type { RequestDetail } from './types';

/** Each move with its body; every body carries the version the page showed. */
export type Move =
  | { action: 'assign'; body: { version: number; assignee_id: string; entry?: { category_code: string; index: number }; referral_ref?: string; note?: string } }
  | { action: 'start'; body: { version: number; note?: string } }
  | { action: 'resolve'; body: { version: number; resolution: string } }
  | { action: 'follow_up'; body: { version: number; satisfaction: number; comment?: string } }
  | { action: 'rate'; body: { version: number; satisfaction: number; comment?: string } }
  | { action: 'not_ours'; body: { version: number; note: string } }
  | { action: 'duplicate'; body: { version: number; of: string } }
  | { action: 'reopen'; body: { version: number; reason: string } };

const SEGMENT: Record<Move['action'], string> = {
  assign: 'assign',
  start: 'start',
  resolve: 'resolve',
  follow_up: 'follow-up',
  rate: 'rate',
  not_ours: 'not-ours',
  duplicate: 'duplicate',
  reopen: 'reopen',
};

/**
 * A move of the request's state. A 412 means someone else changed it since the page loaded: the
 * request is read again so the page shows what is true now (the caller says so).
 */
export function useMoveRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: Move) =>
      unwrap(hr.POST<RequestDetail>(`/api/v1/help-requests/{id}/${SEGMENT[move.action]}`, { params: { path: { id } }, body: move.body })),
    onSuccess: (saved) => queryClient.setQueryData(requestKey(id), saved),
    onError: (error) => {
      if (error instanceof ApiProblem && (error.status === 412 || error.status === 409)) void queryClient.invalidateQueries({ queryKey: requestKey(id) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'list'] }),
  });
}
