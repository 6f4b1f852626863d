import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type CaseDetail = Schemas['CaseDetailDto'];
export type CaseStep = Schemas['CaseStepDto'];
export type CaseEntry = Schemas['CaseEntryDto'];
export type CaseHistory = Schemas['CaseHistoryDto'];
export type EmploymentCategory = Schemas['EmploymentCategory'];
export type PaymentKind = Schemas['PaymentKind'];

export const caseKey = (id: string) => ['assistance', 'case', id] as const;

const fetchCase = (id: string) => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }));

/** A case in full, as the caller may see it (a resident: their household's, without internal notes). */
export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => fetchCase(id), enabled: id !== '' });
}

/** Several cases in full (a family's approved cases, for their amounts). */
export function useCaseDetails(ids: string[]) {
  return useQueries({ queries: ids.map((id) => ({ queryKey: caseKey(id), queryFn: () => fetchCase(id) })) });
}
