import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Roster = Schemas['RosterDto'];
export type Night = Schemas['NightDto'];
export type Assignment = Schemas['AssignmentDto'];
export type NightKind = Schemas['NightKind'];
export type DutyStatus = Schemas['DutyStatus'];
export type EveningReport = Schemas['EveningReportDto'];

/** Every night of `from..=to` (dates, YYYY-MM-DD) with its leaders and evening report. */
export function useRoster(from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: ['duty', 'roster', from, to],
    queryFn: () => unwrap(api.GET('/api/v1/duty/roster', { params: { query: { from, to } } })),
    enabled,
  });
}
