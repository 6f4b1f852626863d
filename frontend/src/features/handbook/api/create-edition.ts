import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import type { Handbook } from './types';
import { editionKey } from './get-edition';

/** A new draft, a copy of the current edition (409 `duplicate` when a draft exists already). */
export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(loose.POST<Handbook>('/api/v1/handbook/editions', { body: {} })),
    onSuccess: (created) => queryClient.setQueryData(editionKey(created.id), created),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook', 'editions'] }),
  });
}
