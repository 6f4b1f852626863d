import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiProblem, toProblem } from '@/api/problem';
import { api } from '@/api/client';

/**
 * A request's photo as an address an <img> can show. The image needs the bearer token, which an
 * <img src> cannot send: it is fetched here and shown from a blob URL, released when unused.
 */
export function usePhotoUrl(requestId: string, photoId: string) {
  const query = useQuery({
    queryKey: ['help-requests', 'photo', requestId, photoId],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/help-requests/{id}/photos/{photo_id}', {
        params: { path: { id: requestId, photo_id: photoId } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw error ? toProblem(response.status, error) : new ApiProblem(response.status, 'unknown', '');
      return data;
    },
    staleTime: Infinity,
  });
  const blob = query.data;
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, isLoading: query.isLoading, isError: query.isError };
}
