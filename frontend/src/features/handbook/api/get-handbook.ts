import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { loose } from './loose';
import type { Handbook } from './types';

/** The edition residents read now (404 until one is published). */
export function useHandbook() {
  return useQuery({
    queryKey: ['handbook', 'current'],
    queryFn: () => unwrap(loose.GET<Handbook>('/api/v1/handbook')),
    retry: false,
  });
}
