import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateResident = Schemas['CreateResidentRequest'];

export function useCreateResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResident) => unwrap(api.POST('/api/v1/residents', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry'] }),
  });
}
