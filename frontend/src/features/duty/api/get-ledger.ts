import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Ledger = Schemas['LedgerDto'];
export type LedgerLine = Schemas['LedgerLineDto'];

/** Per leader over a year: weighted nights served and still ahead, no-shows; and the spread. */
export function useLedger(year: number) {
  return useQuery({
    queryKey: ['duty', 'ledger', year],
    queryFn: () => unwrap(api.GET('/api/v1/duty/ledger', { params: { query: { year } } })),
  });
}
