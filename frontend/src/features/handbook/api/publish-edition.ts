import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { editionKey } from './get-edition';
import { complete } from './types';

/** Freezes a draft and makes it the edition residents read. */
export function usePublishEdition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/v1/handbook/editions/{id}/publish', { params: { path: { id } }, body: { version } })).then(complete),
    onSuccess: (published) => queryClient.setQueryData(editionKey(id), published),
    // The current edition changed for everyone.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook'] }),
  });
}
