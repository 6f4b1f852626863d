import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

type Pledge = Schemas['PledgeDto'];

/** A venue a partner lends (an accepted or fulfilled venue pledge): whose, and which place. */
export interface VenuePledge {
  id: string;
  partnerName: string;
  place: string;
}

function venueOf(p: Pledge): VenuePledge | null {
  return p.support.kind === 'venue' ? { id: p.id, partnerName: p.partner_name, place: p.support.place } : null;
}

/** The venues partners lend, for an event's or a recurring event's place (staff). */
export function useVenuePledges(enabled = true) {
  return useQuery({
    queryKey: ['events', 'venue-pledges'],
    queryFn: async () => {
      const pages = await Promise.all(
        (['accepted', 'fulfilled'] as const).map((status) => unwrap(api.GET('/api/v1/pledges', { params: { query: { status, limit: 200 } } }))),
      );
      return pages.flatMap((page) => page.items.map(venueOf).filter((v): v is VenuePledge => v !== null));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}
