import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type EveningReportRequest = Schemas['EveningReportRequest'];

export function useRecordEvening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ night, body }: { night: string; body: EveningReportRequest }) =>
      unwrap(api.PUT('/api/v1/duty/nights/{night}/report', { params: { path: { night } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
