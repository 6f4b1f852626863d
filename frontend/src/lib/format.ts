// Dates and money in the user's language.

/** A timestamp (RFC 3339) as local date and time. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(value));
}

/** A date (ISO 8601) without time. */
export function formatDate(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(value));
}

/** Money is stored in integer fen; shown in yuan. */
export function formatMoney(amountFen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(amountFen / 100);
}
