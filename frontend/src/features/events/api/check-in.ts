import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** By the code from the resident's phone, or by the resident found by name. */
export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, code, residentId }: { eventId: string; code?: string; residentId?: string }) =>
      unwrap(api.POST('/api/v1/events/{id}/check-in', { params: { path: { id: eventId } }, body: code ? { code } : { resident_id: residentId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  });
}
