import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Full ID number and phones; the server writes the reason to the audit log. Never cached. */
export function useRevealResident(id: string) {
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/residents/{id}/reveal', { params: { path: { id } }, body: { reason } })),
  });
}
