// The template and exports are files: fetched with the session's token, then saved by the browser.
import { api } from '@/api/client';
import { ApiProblem, toProblem } from '@/api/problem';
import type { ResidentFilters } from './get-residents';

type FileFormat = 'xlsx' | 'csv';

function save(blob: Blob, response: Response, fallback: string) {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallback;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export async function downloadTemplate(format: FileFormat) {
  const { data, error, response } = await api.GET('/api/v1/registry/imports/template', { params: { query: { format } }, parseAs: 'blob' });
  if (!response.ok || !data) throw error ? toProblem(response.status, error) : new ApiProblem(response.status, 'unknown', '');
  save(data, response, `template.${format}`);
}

export async function downloadExport(format: FileFormat, filters: ResidentFilters) {
  const { data, error, response } = await api.GET('/api/v1/registry/export', { params: { query: { ...filters, format } }, parseAs: 'blob' });
  if (!response.ok || !data) throw error ? toProblem(response.status, error) : new ApiProblem(response.status, 'unknown', '');
  save(data, response, `residents.${format}`);
}
