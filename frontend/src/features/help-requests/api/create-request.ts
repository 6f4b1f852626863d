import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { REQUESTS } from './get-requests';
import { requestKey } from './get-request';
import { api } from '@/api/client';
import type { NewRequest } from './types';

/** POST /help-requests: the channel follows the caller's role (app, leader, hotline). */
export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRequest) => unwrap(api.POST('/api/v1/help-requests', { body })),
    onSuccess: (saved) => queryClient.setQueryData(requestKey(saved.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: REQUESTS }),
  });
}
