import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** A 优待证 application for a resident aged 60 or over (409 when they have one; 422 under 60). */
export function useApplyCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (residentId: string) => unwrap(api.POST('/api/v1/elderly-cards', { body: { resident_id: residentId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['elderly'] }),
  });
}
