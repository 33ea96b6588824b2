/**
 * The pieces a cancellation policy is built from, as the editor offers them: which deadline and
 * penalty kinds suit a stay or a ticket visit, and the values a kind starts with when picked.
 */
import type { Deadline, Penalty } from '@shared/rules/cancellation';

/** A hotel stay (nights, check-in time) or a ticket visit (one slot, one total). */
export type PolicySubject = 'stay' | 'visit';

export type DeadlineKind = Deadline['kind'];
export type PenaltyKind = Penalty['kind'];

/** The contract's limit on tiers (cancellationPolicySchema). */
export const MAX_TIERS = 5;

// Tickets count in minutes before a slot, so that comes first; night-based penalties mean nothing for a visit.
export const DEADLINE_KINDS: Record<PolicySubject, readonly DeadlineKind[]> = {
  stay: ['local_time', 'hours_before', 'minutes_before'],
  visit: ['minutes_before', 'hours_before', 'local_time'],
};

export const PENALTY_KINDS: Record<PolicySubject, readonly PenaltyKind[]> = {
  stay: ['first_night', 'nights', 'percent', 'fixed', 'none'],
  visit: ['percent', 'fixed', 'none'],
};

export function blankDeadline(kind: DeadlineKind): Deadline {
  switch (kind) {
    case 'local_time':
      return { kind, daysBefore: 1, time: '18:00' };
    case 'hours_before':
      return { kind, hours: 24 };
    case 'minutes_before':
      return { kind, minutes: 30 };
  }
}

export function blankPenalty(kind: PenaltyKind): Penalty {
  switch (kind) {
    case 'percent':
      return { kind, percent: 100 };
    case 'nights':
      return { kind, nights: 1 };
    case 'fixed':
      return { kind, amountFen: 0 };
    case 'first_night':
    case 'none':
      return { kind };
  }
}
