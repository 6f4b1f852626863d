import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The leader who offered a night takes the offer back (until it has moved). */
export function useWithdrawSwap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.POST('/api/v1/duty/swaps/{id}/withdraw', { params: { path: { id } }, body: { version } })),
    // The night never moved: only the list changes (refused or not).
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['duty', 'swaps'] }),
  });
}
