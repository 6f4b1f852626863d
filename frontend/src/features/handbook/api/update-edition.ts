import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import { editionKey } from './get-edition';
import type { Category, Handbook } from './types';

export interface EditionUpdate {
  version: number;
  title: string;
  categories: Category[];
}

/** Saves a draft whole, with the version loaded (412 when stale, 409 once published). */
export function useUpdateEdition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EditionUpdate) => unwrap(loose.PUT<Handbook>('/api/v1/handbook/editions/{id}', { params: { path: { id } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(editionKey(id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['handbook', 'editions'] }),
  });
}
