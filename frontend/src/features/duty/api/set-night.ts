import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/** Puts these leaders on a night by hand (locked). */
export function useSetNight() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ night, leaderUserIds }: { night: string; leaderUserIds: string[] }) =>
      unwrap(api.PUT('/api/v1/duty/nights/{night}', { params: { path: { night } }, body: { leader_user_ids: leaderUserIds } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}
