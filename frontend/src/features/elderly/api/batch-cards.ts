import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CardBatch = Schemas['CardBatchDto'];

/** Applications for everyone turning 60 or 70 this year who has none yet (running it again adds only who is missing). */
export function useBatchCards() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/elderly-cards/batch', { body: { ages: [60, 70] } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['elderly'] }),
  });
}
