import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Group = Schemas['GroupDto'];

export function useGroups(enabled = true) {
  return useQuery({ queryKey: ['registry', 'groups'], queryFn: () => unwrap(api.GET('/api/v1/groups')), enabled });
}
