import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Registers oneself (no `residentId`), a household member, or (staff, leaders) a resident. */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, residentId }: { eventId: string; residentId?: string }) =>
      unwrap(api.POST('/api/v1/events/{id}/registrations', { params: { path: { id: eventId } }, body: residentId ? { resident_id: residentId } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
