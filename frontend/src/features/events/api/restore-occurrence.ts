import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Takes a called-off day of a recurring event back (it is on again); 404 when that day is not called off. */
export function useRestoreOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ seriesId, day }: { seriesId: string; day: string }) =>
      unwrap(api.DELETE('/api/v1/event-series/{id}/exceptions/{day}', { params: { path: { id: seriesId, day } } })),
    // The series (its called-off days, in the list and on its own) and its occurrences; after a
    // 404 too, when someone else took the day back first and the page is behind.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['events', 'series'] }),
  });
}
