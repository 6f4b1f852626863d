// Event times are the community's (Asia/Shanghai), whatever the phone's own time zone.
import type { TFunction } from 'i18next';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';

export const TIME_ZONE = 'Asia/Shanghai';

/** "11月30日 周一 14:00–15:30" (the end's date too when it is another day). */
export function formatEventTime(startsAt: string, endsAt: string, language: string): string {
  const day = new Intl.DateTimeFormat(language, { timeZone: TIME_ZONE, month: 'long', day: 'numeric', weekday: 'short' });
  const time = new Intl.DateTimeFormat(language, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)} ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/**
 * A wall-clock time picked in the form ("2026-12-05T09:00"), meant in Shanghai, as RFC 3339 with
 * the offset (China keeps +08:00 all year).
 */
export function shanghaiDateTime(wallClock: string): string {
  return `${wallClock.slice(0, 16)}:00+08:00`;
}

/** Whether registration is still open for an event. */
export function registrationOpen(event: EventItem, now: number = Date.now()): boolean {
  if (event.status !== 'scheduled' || event.capacity == null) return false;
  const closes = event.registration_closes_at ?? event.starts_at;
  return new Date(closes).getTime() > now;
}

/** Places left, "需排队" when full with a waiting list possible, or no registration at all. */
export function placesText(t: TFunction, event: EventItem): string {
  if (event.capacity == null) return t('events.noRegistration');
  if ((event.places_left ?? 0) > 0) return t('events.placesLeft', { count: event.places_left ?? 0, capacity: event.capacity });
  return t('events.full');
}

/** The live registration (not cancelled) of the resident `residentId`, or of anyone without one, if any. */
export function activeRegistration(rows: Registration[], residentId?: string): Registration | undefined {
  return rows.find((r) => r.status !== 'cancelled' && (residentId === undefined || r.resident_id === residentId));
}

/** Position on the waiting list (1 = next), when the list holds every registration (staff). */
export function waitingPosition(rows: Registration[], registrationId: string): number | undefined {
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const index = waiting.findIndex((r) => r.id === registrationId);
  return index < 0 ? undefined : index + 1;
}
