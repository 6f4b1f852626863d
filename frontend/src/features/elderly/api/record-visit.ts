import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type VisitRecord = Schemas['VisitRecordRequest'];

/** A visit as made (recording again corrects it); the campaign's counts are fetched again. */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, visitId, body }: { campaignId: string; visitId: string; body: VisitRecord }) =>
      unwrap(api.POST('/api/v1/visit-campaigns/{id}/visits/{visit}/record', { params: { path: { id: campaignId, visit: visitId } }, body })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['elderly', 'campaigns'] }),
        queryClient.invalidateQueries({ queryKey: ['elderly', 'campaign'] }),
      ]),
  });
}
