import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { complete } from './types';

/** The edition residents read now (404 until one is published). */
export function useHandbook() {
  return useQuery({
    queryKey: ['handbook', 'current'],
    queryFn: () => unwrap(api.GET('/api/v1/handbook')).then(complete),
    retry: false,
  });
}
