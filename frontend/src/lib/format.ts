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

/**
 * A recent timestamp relative to now ("5 分钟前", "3 hours ago"); anything a day old or more (or
 * in the future beyond a minute of clock difference) as local date and time.
 */
export function formatRecent(value: string, language: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  if (seconds >= 60 || seconds <= -86_400) return formatDateTime(value, language);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (seconds > -60) return relative.format(0, 'second');
  if (seconds > -3600) return relative.format(Math.trunc(seconds / 60), 'minute');
  return relative.format(Math.trunc(seconds / 3600), 'hour');
}
