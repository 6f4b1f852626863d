import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Another leader takes an offered night: `approved` when it moved at once, `taken` when it waits for staff. */
export function useTakeSwap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.POST('/api/v1/duty/swaps/{id}/take', { params: { path: { id } }, body: { version } })),
    // A moved night changes the roster, my nights and the ledger; a refused move (someone was
    // quicker) needs the list as it now is.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
