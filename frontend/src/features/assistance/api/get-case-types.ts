import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CaseType = Schemas['CaseTypeDto'];
export type StepDef = Schemas['StepDef'];
export type CaseKind = Schemas['CaseKind'];

/** Every kind of case with the procedure in force (steps, deadlines, documents). */
export function useCaseTypes() {
  return useQuery({
    queryKey: ['assistance', 'case-types'],
    queryFn: () => unwrap(api.GET('/api/v1/case-types', {})),
    staleTime: 5 * 60_000,
  });
}
