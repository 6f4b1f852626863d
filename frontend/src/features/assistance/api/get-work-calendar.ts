import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CalendarYear = Schemas['CalendarYearDto'];
export type CalendarDay = Schemas['CalendarDayDto'];
export type WorkdayKind = Schemas['WorkdayKind'];

/** A year's public holidays and make-up working days, and whether it was entered at all. */
export function useWorkCalendar(year: number) {
  return useQuery({
    queryKey: ['assistance', 'work-calendar', year],
    queryFn: () => unwrap(api.GET('/api/v1/work-calendar', { params: { query: { year } } })),
  });
}
