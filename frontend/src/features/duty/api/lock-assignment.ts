import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useLockAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, locked, version }: { id: string; locked: boolean; version: number }) =>
      unwrap(api.PATCH('/api/v1/duty/assignments/{id}', { params: { path: { id } }, body: { locked, version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty', 'roster'] }),
  });
}
