import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The residents of a household (the applicant's family, to say whom a case concerns). */
export function useHouseholdMembers(householdId: string | undefined) {
  return useQuery({
    queryKey: ['assistance', 'household-members', householdId],
    queryFn: () => unwrap(api.GET('/api/v1/residents', { params: { query: { household_id: householdId, limit: 50 } } })),
    select: (page) => page.items,
    enabled: !!householdId,
  });
}
