import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Adds a holiday, or renames one. */
export function useSaveHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ day, name }: { day: string; name: string }) =>
      unwrap(api.PUT('/api/v1/duty/holidays/{day}', { params: { path: { day } }, body: { day, name } })),
    // Holidays change the kind (and tag) of nights on the roster too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
