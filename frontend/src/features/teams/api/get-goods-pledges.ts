import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Pledge = Schemas['PledgeDto'];

/** Partners' goods pledges that equipment can come from: accepted or fulfilled ones. */
export function useGoodsPledges(enabled = true) {
  return useQuery({
    queryKey: ['teams', 'goods-pledges'],
    queryFn: async () => {
      const pages = await Promise.all(
        (['accepted', 'fulfilled'] as const).map((status) => unwrap(api.GET('/api/v1/pledges', { params: { query: { status, limit: 200 } } }))),
      );
      return pages.flatMap((p) => p.items).filter((p) => p.support.kind === 'goods');
    },
    enabled,
  });
}
