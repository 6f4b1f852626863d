import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type UpdateHousehold = Schemas['UpdateHouseholdRequest'];

export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateHousehold) => unwrap(api.PATCH('/api/v1/households/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry'] }),
  });
}
