import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Partner = Schemas['PartnerDto'];

export function usePartners() {
  return useQuery({ queryKey: ['partners', 'list'], queryFn: () => unwrap(api.GET('/api/v1/partners')) });
}
