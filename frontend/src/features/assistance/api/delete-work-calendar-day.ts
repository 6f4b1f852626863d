import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Clears a day: it becomes what its weekday says. */
export function useDeleteWorkCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => unwrap(api.DELETE('/api/v1/work-calendar/{day}', { params: { path: { day } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance', 'work-calendar'] }),
  });
}
