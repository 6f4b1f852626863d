import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/api/problem';
import { api } from '@/api/client';

/** The caller's full phone number, for a stated reason (audited). */
export function useRevealPhone(id: string) {
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/help-requests/{id}/reveal-phone', { params: { path: { id } }, body: { reason } })),
  });
}
