import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type UpdateRules = Schemas['UpdateRulesRequest'];

export function useUpdateDutyRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRules) => unwrap(api.PATCH('/api/v1/duty/rules', { body })),
    onSuccess: (rules) => queryClient.setQueryData(['duty', 'rules'], rules),
  });
}
