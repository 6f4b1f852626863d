// The list for the county office is a file: fetched with the session's token, then saved by the browser.
import { api, type Schemas } from '@/api/client';
import { ApiProblem, toProblem } from '@/api/problem';

export type CardStatus = Schemas['ElderlyCardStatus'];

/** The applications to send (`applied`) or the cards issued, as a spreadsheet. */
export async function downloadCards(status: CardStatus, format: 'xlsx' | 'csv' = 'xlsx') {
  const { data, error, response } = await api.GET('/api/v1/elderly-cards/export', { params: { query: { status, format } }, parseAs: 'blob' });
  if (!response.ok || !data) throw error ? toProblem(response.status, error) : new ApiProblem(response.status, 'unknown', '');
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = encoded ? decodeURIComponent(encoded) : `elderly-cards-${status}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}
