import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CampaignDetail = Schemas['CampaignDetailDto'];
export type GroupProgress = Schemas['GroupProgressDto'];

/** A campaign with its progress per group (a leader: their group's line only). */
export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: ['elderly', 'campaign', id],
    queryFn: () => unwrap(api.GET('/api/v1/visit-campaigns/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}
