import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CalendarDayRequest = Schemas['CalendarDayRequest'];

/** Sets a day: a public holiday or a weekend worked. */
export function usePutWorkCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ day, body }: { day: string; body: CalendarDayRequest }) =>
      unwrap(api.PUT('/api/v1/work-calendar/{day}', { params: { path: { day } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['assistance', 'work-calendar'] }),
  });
}
