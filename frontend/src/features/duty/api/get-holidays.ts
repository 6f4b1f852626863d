import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Holiday = Schemas['HolidayDto'];

export function useHolidays(year: number) {
  return useQuery({
    queryKey: ['duty', 'holidays', year],
    queryFn: () => unwrap(api.GET('/api/v1/duty/holidays', { params: { query: { year } } })),
  });
}
