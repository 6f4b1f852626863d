import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => unwrap(api.DELETE('/api/v1/duty/holidays/{day}', { params: { path: { day } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
