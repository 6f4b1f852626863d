import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type MyNight = Schemas['MyNightDto'];

/** The caller's next duty nights, from tonight, soonest first. */
export function useMyNights() {
  return useQuery({
    queryKey: ['duty', 'my-nights'],
    queryFn: () => unwrap(api.GET('/api/v1/duty/my-nights')),
  });
}
