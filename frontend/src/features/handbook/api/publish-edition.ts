import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import type { Handbook } from './types';
import { editionKey } from './get-edition';

/** Freezes a draft and makes it the edition residents read. */
export function usePublishEdition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => unwrap(loose.POST<Handbook>('/api/v1/handbook/editions/{id}/publish', { params: { path: { id } }, body: { version } })),
    onSuccess: (published) => queryClient.setQueryData(editionKey(id), published),
    // The current edition changed for everyone.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook'] }),
  });
}
