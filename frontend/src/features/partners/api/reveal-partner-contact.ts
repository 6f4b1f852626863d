import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The unmasked contact phone; the reason goes to the audit log. */
export function useRevealPartnerContact(id: string) {
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/partners/{id}/reveal', { params: { path: { id } }, body: { reason } })),
  });
}
