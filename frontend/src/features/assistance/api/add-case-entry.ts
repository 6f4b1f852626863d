import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type NewEntry = Schemas['NewEntryRequest'];
export type EntryKind = Schemas['CaseEntryKind'];

/** A note, a home survey (≥ 2 surveyors, signed or not), an objection, a 民主评议, a review… */
export function useAddCaseEntry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEntry) => unwrap(api.POST('/api/v1/cases/{id}/entries', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance'] }),
  });
}
