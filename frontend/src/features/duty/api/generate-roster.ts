import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type GenerateResult = Schemas['GenerateResult'];

export function useGenerateRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['GenerateRequest']) => unwrap(api.POST('/api/v1/duty/roster/generate', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
