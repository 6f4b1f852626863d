import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The leader on duty offers their night (by its assignment) to the other leaders. */
export function useOfferSwap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, note }: { assignmentId: string; note: string }) =>
      unwrap(api.POST('/api/v1/duty/assignments/{id}/swap', { params: { path: { id: assignmentId } }, body: { note } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['duty', 'swaps'] }),
  });
}
