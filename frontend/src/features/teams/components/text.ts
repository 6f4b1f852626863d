// Where people stand with a team, worked out from the memberships the API returns (requests,
// members, and the declined and ended ones it keeps as history).
import type { Membership } from '../api/get-teams';

interface Person {
  id: string;
  name: string;
}

const newestFirst = (a: Membership, b: Membership) => b.created_at.localeCompare(a.created_at);

/** Each person's latest membership or request (one per resident), newest first. */
export function latestPerPerson(memberships: Membership[]): Membership[] {
  const latest = new Map<string, Membership>();
  for (const m of [...memberships].sort(newestFirst)) if (!latest.has(m.resident_id)) latest.set(m.resident_id, m);
  return [...latest.values()];
}

/**
 * What a resident's card shows for their household: each person's open request or membership,
 * and a refusal until they ask again (who left is not shown).
 */
export function householdStanding(memberships: Membership[]): Membership[] {
  return latestPerPerson(memberships).filter((m) => m.status !== 'left');
}

/** Whether the person has asked already or is in the team. */
export function isActive(m: Membership): boolean {
  return m.status === 'requested' || m.status === 'member';
}

/** The people of the household who can still ask to join: not a member and not waiting for an answer. */
export function joinCandidates<P extends Person>(household: P[], memberships: Membership[]): P[] {
  const taken = new Set(memberships.filter(isActive).map((m) => m.resident_id));
  return household.filter((p) => !taken.has(p.id));
}

/** A team's list split for the leader and staff: open requests (oldest first), members (by name), and the past. */
export function splitMembers(members: Membership[]): { requests: Membership[]; current: Membership[]; past: Membership[] } {
  const latest = latestPerPerson(members);
  const byName = (a: Membership, b: Membership) => a.resident_name.localeCompare(b.resident_name, 'zh-CN');
  return {
    requests: latest.filter((m) => m.status === 'requested').sort((a, b) => a.created_at.localeCompare(b.created_at)),
    current: latest.filter((m) => m.status === 'member').sort(byName),
    past: latest.filter((m) => m.status === 'declined' || m.status === 'left'),
  };
}

/** Whole yuan with thousands separators ("3,200"). */
export function formatYuan(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}
