import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Campaign = Schemas['CampaignDto'];

/** Visit campaigns, newest first, with how many are visited (a leader: of their group). */
export function useCampaigns() {
  return useQuery({
    queryKey: ['elderly', 'campaigns'],
    queryFn: () => unwrap(api.GET('/api/v1/visit-campaigns')),
  });
}
