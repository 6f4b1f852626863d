import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CreateSeries = Schemas['CreateSeriesRequest'];

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeries) => unwrap(api.POST('/api/v1/event-series', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events', 'series'] }),
  });
}
