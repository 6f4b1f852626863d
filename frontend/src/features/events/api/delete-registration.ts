import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useCancelRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, registrationId }: { eventId: string; registrationId: string }) =>
      unwrap(api.DELETE('/api/v1/events/{id}/registrations/{registration}', { params: { path: { id: eventId, registration: registrationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
