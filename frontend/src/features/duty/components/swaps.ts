// Duty swaps (换班) in words and lists: which offers a leader may take, which swaps are theirs,
// what became of each from where they stand (they offered it or took it), why a taken swap waits
// for the office, and a refused move said for what it is rather than as a generic error.
import type { TFunction } from 'i18next';
import { ApiProblem } from '@/api/problem';
import type { Swap, SwapStatus } from '../api/get-swaps';

/** Still open: offered, or taken and waiting for staff. The leader who offered it can take it back. */
export function isOpen(swap: Pick<Swap, 'status'>): boolean {
  return swap.status === 'offered' || swap.status === 'taken';
}

/** Nights other leaders have offered and nobody has taken yet. */
export function offersFor(swaps: Swap[], meId: string): Swap[] {
  return swaps.filter((s) => s.status === 'offered' && s.offered_by !== meId);
}

/** The swaps a leader is part of: nights they offered or took. */
export function swapsOf(swaps: Swap[], meId: string): Swap[] {
  return swaps.filter((s) => s.offered_by === meId || s.taken_by === meId);
}

/** The open swap on one duty (there is at most one). */
export function openSwapOn(swaps: Swap[], assignmentId: string): Swap | undefined {
  return swaps.find((s) => s.assignment_id === assignmentId && isOpen(s));
}

/** Taken under a rule that is not met: staff decide. */
export function waitingForStaff(swaps: Swap[]): Swap[] {
  return swaps.filter((s) => s.status === 'taken');
}

/**
 * The server gives the reason a taken swap waits in Chinese; the reasons it knows are said in
 * the user's language, anything else as the server wrote it.
 */
const HELD_REASONS: Record<string, string> = {
  '接班的组长前后几天已有值班，休息不足': 'duty.swap.heldRest',
  接班后该组长的值班量明显多于其他组长: 'duty.swap.heldLedger',
};

/** Why a taken swap waits for staff, or null. */
export function heldReason(t: TFunction, held: string | null | undefined): string | null {
  const reason = held?.trim();
  if (!reason) return null;
  const key = HELD_REASONS[reason];
  return key ? t(key) : reason;
}

/** The colour of a swap's status tag (its words say it too). */
export const SWAP_TAG_COLORS: Record<SwapStatus, string> = {
  offered: 'blue',
  taken: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** What became of a swap in one plain sentence, from where this leader stands. */
export function swapStory(t: TFunction, swap: Swap, meId: string): string {
  const offerer = swap.offered_by_name;
  const taker = swap.taken_by_name ?? t('duty.someLeader');
  if (swap.offered_by === meId) {
    switch (swap.status) {
      case 'offered':
        return t('duty.swap.mineOffered');
      case 'taken':
        return t('duty.swap.mineTaken', { name: taker });
      case 'approved':
        return t('duty.swap.mineApproved', { name: taker });
      case 'rejected':
        return t('duty.swap.mineRejected', { name: taker });
      case 'withdrawn':
        return t('duty.swap.mineWithdrawn');
    }
  }
  if (swap.taken_by === meId) {
    switch (swap.status) {
      case 'taken':
        return t('duty.swap.tookTaken', { name: offerer });
      case 'approved':
        return t('duty.swap.tookApproved', { name: offerer });
      case 'rejected':
        return t('duty.swap.tookRejected', { name: offerer });
      case 'withdrawn':
        return t('duty.swap.tookWithdrawn', { name: offerer });
      case 'offered':
        break;
    }
  }
  return swap.status === 'offered' ? t('duty.swap.othersOffered', { name: offerer }) : swapPair(t, swap);
}

/** Who hands the night to whom, for staff: "李四 接 张三 的班", or "张三 在找人替班". */
export function swapPair(t: TFunction, swap: Swap): string {
  return swap.taken_by_name
    ? t('duty.swap.pair', { taker: swap.taken_by_name, offerer: swap.offered_by_name })
    : t('duty.swap.othersOffered', { name: swap.offered_by_name });
}

export type SwapAction = 'offer' | 'take' | 'withdraw' | 'decide';

/** What the server says when a leader may not take a night (its field errors are English). */
const TAKE_REFUSALS: Record<string, string> = {
  'you offered this night yourself': 'duty.swap.ownOffer',
  'you are on duty that night already': 'duty.swap.alreadyOnDuty',
  'you entered that night as unavailable': 'duty.swap.unavailable',
};

/**
 * A refused swap move in plain words for that move: someone was quicker, the night is gone,
 * the taker is not free. Null for anything else (useReportError says it by its code).
 */
export function swapProblemMessage(t: TFunction, action: SwapAction, error: unknown): string | null {
  if (!(error instanceof ApiProblem)) return null;
  switch (error.code) {
    case 'invalid_transition':
    case 'not_found':
      return t(`duty.swap.gone.${action}`);
    case 'stale_version':
    case 'concurrent_change':
      return t('duty.swap.changed');
    case 'duplicate':
      return t('duty.swap.alreadyOffered');
    case 'validation_failed': {
      const known = error.errors.map((e) => TAKE_REFUSALS[e.message]).filter((k): k is string => !!k);
      return known.length > 0 ? known.map((k) => t(k)).join(' ') : null;
    }
    default:
      return null;
  }
}
