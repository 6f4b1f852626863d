import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateHousehold = Schemas['CreateHouseholdRequest'];

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHousehold) => unwrap(api.POST('/api/v1/households', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry'] }),
  });
}
