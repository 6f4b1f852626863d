import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CardIssue = Schemas['CardIssueRequest'];

/** An application's card issued: its number and day, with the version it was loaded at (412 when stale). */
export function useIssueCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cardId, body }: { cardId: string; body: CardIssue }) =>
      unwrap(api.POST('/api/v1/elderly-cards/{id}/issue', { params: { path: { id: cardId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['elderly'] }),
  });
}
