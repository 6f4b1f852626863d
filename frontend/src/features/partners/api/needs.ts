// Community needs.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type Need = Schemas['NeedDto'];
export type NeedStatus = Schemas['NeedStatus'];
export type CreateNeed = Schemas['CreateNeedRequest'];
export type UpdateNeed = Schemas['UpdateNeedRequest'];

export function useNeeds(status?: NeedStatus) {
  return useInfiniteQuery({
    queryKey: ['support', 'needs', status ?? 'all'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/needs', { params: { query: { status, cursor: pageParam, limit: 50 } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useNeed(id: string | undefined) {
  return useQuery({
    queryKey: ['support', 'need', id],
    queryFn: () => unwrap(api.GET('/api/v1/needs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useCreateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNeed) => unwrap(api.POST('/api/v1/needs', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['support'] }),
  });
}

export function useUpdateNeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateNeed }) => unwrap(api.PATCH('/api/v1/needs/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['support'] }),
  });
}
