import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Calls one day of a recurring event off (e.g. 下雨); 409 when it is already. */
export function useCancelOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ seriesId, day, reason }: { seriesId: string; day: string; reason: string }) =>
      unwrap(api.POST('/api/v1/event-series/{id}/exceptions', { params: { path: { id: seriesId } }, body: { day, reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events', 'series'] }),
  });
}
