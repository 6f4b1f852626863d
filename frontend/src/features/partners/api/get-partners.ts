import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Partner = Schemas['PartnerDto'];

/** Every partner kind, in the order forms list them. */
export const PARTNER_KINDS: Partner['kind'][] = ['enterprise', 'bank', 'school', 'government', 'social_organization', 'hospital', 'other'];

export function usePartners() {
  return useQuery({ queryKey: ['partners', 'list'], queryFn: () => unwrap(api.GET('/api/v1/partners')) });
}
