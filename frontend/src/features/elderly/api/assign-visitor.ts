import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Who is to visit someone: a group leader or staff member, or nobody (null). */
export function useAssignVisitor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, visitId, visitorId, version }: { campaignId: string; visitId: string; visitorId: string | null; version: number }) =>
      unwrap(
        api.PUT('/api/v1/visit-campaigns/{id}/visits/{visit}/visitor', {
          params: { path: { id: campaignId, visit: visitId } },
          body: { version, visitor_id: visitorId },
        }),
      ),
    onSettled: (_, __, { campaignId }) => queryClient.invalidateQueries({ queryKey: ['elderly', 'campaign', campaignId] }),
  });
}
