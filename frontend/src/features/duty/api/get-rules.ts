import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type DutyRules = Schemas['DutyRulesDto'];

export function useDutyRules() {
  return useQuery({
    queryKey: ['duty', 'rules'],
    queryFn: () => unwrap(api.GET('/api/v1/duty/rules')),
  });
}
