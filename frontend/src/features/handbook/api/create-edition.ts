import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { editionKey } from './get-edition';
import { complete } from './types';

/** A new draft, a copy of the current edition (409 `duplicate` when a draft exists already). */
export function useCreateEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/handbook/editions', { body: {} })).then(complete),
    onSuccess: (created) => queryClient.setQueryData(editionKey(created.id), created),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook', 'editions'] }),
  });
}
