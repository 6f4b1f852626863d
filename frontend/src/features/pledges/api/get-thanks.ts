import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Thanks = Schemas['ThanksDto'];

export function useThanks() {
  return useQuery({ queryKey: ['pledges', 'thanks'], queryFn: () => unwrap(api.GET('/api/v1/thanks')) });
}
