import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type NewCampaign = Schemas['NewCampaignRequest'];

/** A campaign with its worklist: everyone old enough on the festival's day, each with their group's leader as visitor. */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCampaign) => unwrap(api.POST('/api/v1/visit-campaigns', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['elderly', 'campaigns'] }),
  });
}
