import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { requestKey } from './get-request';
import { api } from '@/api/client';

/** POST /help-requests/{id}/notes: staff choose public or internal; residents' notes are public. */
export function useAddNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; public: boolean }) => unwrap(api.POST('/api/v1/help-requests/{id}/notes', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(requestKey(id), saved),
  });
}
