import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { hr } from './loose';

/** The caller's full phone number, for a stated reason (audited). */
export function useRevealPhone(id: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(hr.POST<{ phone: string }>('/api/v1/help-requests/{id}/reveal-phone', { params: { path: { id } }, body: { reason } })),
  });
}
