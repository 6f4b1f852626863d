import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Unavailability = Schemas['UnavailabilityDto'];

/** Windows overlapping the period (default: from today, a year): a leader's own, or everyone's for staff. */
export function useUnavailability(period: { from?: string; to?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['duty', 'unavailability', period.from ?? '', period.to ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/duty/unavailability', { params: { query: period } })),
    enabled,
  });
}
