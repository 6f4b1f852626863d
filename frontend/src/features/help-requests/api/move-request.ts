import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { ApiProblem, unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { requestKey } from './get-request';

/** Each move with its body; every body carries the version the page showed. */
export type Move =
  | { action: 'assign'; body: Schemas['AssignRequest'] }
  | { action: 'start' | 'not_ours' | 'reopen'; body: Schemas['NoteMoveRequest'] }
  | { action: 'resolve'; body: Schemas['ResolveRequest'] }
  | { action: 'follow_up' | 'rate'; body: Schemas['RatingRequest'] }
  | { action: 'duplicate'; body: Schemas['DuplicateRequest'] };

function post(id: string, move: Move) {
  const params = { path: { id } };
  switch (move.action) {
    case 'assign':
      return api.POST('/api/v1/help-requests/{id}/assign', { params, body: move.body });
    case 'start':
      return api.POST('/api/v1/help-requests/{id}/start', { params, body: move.body });
    case 'not_ours':
      return api.POST('/api/v1/help-requests/{id}/not-ours', { params, body: move.body });
    case 'reopen':
      return api.POST('/api/v1/help-requests/{id}/reopen', { params, body: move.body });
    case 'resolve':
      return api.POST('/api/v1/help-requests/{id}/resolve', { params, body: move.body });
    case 'follow_up':
      return api.POST('/api/v1/help-requests/{id}/follow-up', { params, body: move.body });
    case 'rate':
      return api.POST('/api/v1/help-requests/{id}/rate', { params, body: move.body });
    case 'duplicate':
      return api.POST('/api/v1/help-requests/{id}/duplicate', { params, body: move.body });
  }
}

/**
 * A move of the request's state. A 412 (someone else changed it since the page loaded) or a 409
 * (the move is no longer possible) reads the request again, so the page shows what is true now
 * (the caller says so).
 */
export function useMoveRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: Move) => unwrap(post(id, move)),
    onSuccess: (saved) => queryClient.setQueryData(requestKey(id), saved),
    onError: (error) => {
      if (error instanceof ApiProblem && (error.status === 412 || error.status === 409)) void queryClient.invalidateQueries({ queryKey: requestKey(id) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'list'] }),
  });
}
