import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type RegistryStats = Schemas['RegistryStatsDto'];

export const registryStatsKey = ['registry', 'stats'] as const;

export function useRegistryStats() {
  return useQuery({ queryKey: registryStatsKey, queryFn: () => unwrap(api.GET('/api/v1/registry/stats')) });
}
