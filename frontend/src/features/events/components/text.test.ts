import { describe, expect, it } from 'vitest';
import type { EventItem } from '../api/get-events';
import type { Registration } from '../api/get-registrations';
import { activeRegistration, formatEventTime, registrationOpen, shanghaiDateTime, waitingPosition } from './text';

const event = (over: Partial<EventItem> = {}): EventItem => ({
  id: 'e1',
  kind: 'cleanup',
  title: '除四害集中清理行动',
  description: '',
  place: '文化礼堂',
  starts_at: '2026-12-05T01:00:00Z',
  ends_at: '2026-12-05T03:30:00Z',
  capacity: 30,
  registration_closes_at: null,
  status: 'scheduled',
  cancel_reason: null,
  registered: 3,
  waitlisted: 0,
  attended: 0,
  places_left: 27,
  version: 1,
  audience: 'all',
  ...over,
});

const registration = (id: string, status: Registration['status'], name = '张三'): Registration => ({
  id,
  event_id: 'e1',
  resident_id: `r-${id}`,
  resident_name: name,
  status,
  walk_in: false,
  checked_in_at: null,
  created_at: '2026-11-28T01:00:00Z',
});

describe('event text', () => {
  it('shows the times in Shanghai, whatever the phone says', () => {
    expect(formatEventTime('2026-12-05T01:00:00Z', '2026-12-05T03:30:00Z', 'zh-CN')).toMatch(/12月5日.*09:00–11:30$/);
  });

  it('reads a picked wall-clock time as Beijing time', () => {
    expect(shanghaiDateTime('2026-12-05T09:00')).toBe('2026-12-05T09:00:00+08:00');
  });

  it('knows when registration is open', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(registrationOpen(event(), now)).toBe(true);
    expect(registrationOpen(event({ capacity: null, places_left: null }), now)).toBe(false);
    expect(registrationOpen(event({ status: 'cancelled' }), now)).toBe(false);
    expect(registrationOpen(event({ registration_closes_at: '2026-11-30T00:00:00Z' }), now)).toBe(false);
  });

  it('finds a live registration and the place on the waiting list', () => {
    const rows = [registration('a', 'cancelled'), registration('b', 'waitlisted', '李四'), registration('c', 'waitlisted')];
    expect(activeRegistration(rows, 'r-c')?.id).toBe('c');
    expect(activeRegistration(rows, 'r-a')).toBeUndefined();
    expect(activeRegistration(rows)?.id).toBe('b');
    // Two people of a household may share a name: the resident is found by id.
    const namesakes = [registration('d', 'registered'), registration('e', 'registered')];
    expect(activeRegistration(namesakes, 'r-e')?.id).toBe('e');
    expect(waitingPosition(rows, 'c')).toBe(2);
    expect(waitingPosition(rows, 'a')).toBeUndefined();
  });
});
