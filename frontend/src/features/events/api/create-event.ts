import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateEvent = Schemas['CreateEventRequest'];

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvent) => unwrap(api.POST('/api/v1/events', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
