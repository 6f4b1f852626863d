// A partner's venue schedule split for its page: the events still to come (soonest first), those
// held (latest first), and a recurring event's next time.
import type { VenueEvent } from '../api/get-venue-events';

export function splitVenueEvents(events: VenueEvent[], now: number = Date.now()): { upcoming: VenueEvent[]; held: VenueEvent[] } {
  const ended = (e: VenueEvent) => new Date(e.ends_at).getTime() < now;
  return {
    upcoming: events.filter((e) => !ended(e)).sort((a, b) => a.starts_at.localeCompare(b.starts_at)),
    held: events.filter(ended).sort((a, b) => b.starts_at.localeCompare(a.starts_at)),
  };
}

/** The next start (an evening under way counts, for its first hours). */
export function nextOccurrence(occurrences: string[], now: number = Date.now()): string | undefined {
  return occurrences.find((o) => new Date(o).getTime() + 3 * 3600_000 > now);
}
