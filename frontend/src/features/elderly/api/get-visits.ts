import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Visit = Schemas['VisitDto'];

export interface VisitFilters {
  group_id?: string;
  follow_up?: boolean;
}

/** The people to visit, the not-yet-visited first (a leader: their group). */
export function useVisits(campaignId: string | undefined, filters: VisitFilters = {}) {
  return useQuery({
    queryKey: ['elderly', 'campaign', campaignId, 'visits', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/visit-campaigns/{id}/visits', {
          params: { path: { id: campaignId ?? '' }, query: { group_id: filters.group_id, follow_up: filters.follow_up || undefined } },
        }),
      ),
    enabled: !!campaignId,
  });
}
