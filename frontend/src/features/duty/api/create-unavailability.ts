import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateUnavailability = Schemas['CreateUnavailabilityRequest'];

export function useCreateUnavailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUnavailability) => unwrap(api.POST('/api/v1/duty/unavailability', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty', 'unavailability'] }),
  });
}
