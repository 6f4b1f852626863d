// The PDF is a file behind the session's token: fetched with it, then saved by the browser
// under a Chinese name (the server's own is handbook.pdf).
import { api } from '@/api/client';
import { ApiProblem, toProblem } from '@/api/problem';

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The current edition's PDF (any role), or one edition's (staff: a draft for proof-reading). */
export async function downloadHandbookPdf(name: string, editionId?: string) {
  const { data, error, response } = editionId
    ? await api.GET('/api/v1/handbook/editions/{id}/pdf', { params: { path: { id: editionId } }, parseAs: 'blob' })
    : await api.GET('/api/v1/handbook/pdf', { parseAs: 'blob' });
  if (!response.ok || !data) throw error ? toProblem(response.status, error) : new ApiProblem(response.status, 'unknown', '');
  save(data, name);
}
