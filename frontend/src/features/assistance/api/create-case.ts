import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type NewCase = Schemas['NewCaseRequest'];

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCase) => unwrap(api.POST('/api/v1/cases', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assistance', 'cases'] }),
  });
}
