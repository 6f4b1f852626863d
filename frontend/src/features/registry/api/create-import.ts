import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/api/client';
import { unwrap } from '@/api/problem';

export type RegistryImport = Schemas['ImportDto'];

/** Uploads the file itself as the request body. */
export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      unwrap(
        api.POST('/api/v1/registry/imports', {
          params: { query: { dry_run: dryRun, file_name: file.name } },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { 'content-type': file.type || 'application/octet-stream' },
        }),
      ),
    onSuccess: (result) => {
      if (result.status === 'imported') void queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
  });
}
