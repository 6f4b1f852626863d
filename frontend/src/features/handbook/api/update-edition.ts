import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { editionKey } from './get-edition';
import { complete, type EditionUpdate } from './types';

/** Saves a draft whole, with the version loaded (412 when stale, 409 once published). */
export function useUpdateEdition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EditionUpdate) => unwrap(api.PUT('/api/v1/handbook/editions/{id}', { params: { path: { id } }, body })).then(complete),
    onSuccess: (saved) => queryClient.setQueryData(editionKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook', 'editions'] }),
  });
}
