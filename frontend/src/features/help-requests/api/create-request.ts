import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { requestKey } from './get-request';
import { hr } from './loose';
import type { NewRequest, RequestDetail } from './types';

/** POST /help-requests: the channel follows the caller's role (app, leader, hotline). */
export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRequest) => unwrap(hr.POST<RequestDetail>('/api/v1/help-requests', { body })),
    onSuccess: (saved) => queryClient.setQueryData(requestKey(saved.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: REQUESTS }),
  });
}
