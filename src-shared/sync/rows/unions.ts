/**
 * Enum-like values of synced columns that src-shared declares only as types (no list of values
 * exists to import). Each list is written as `{ value: value }` and checked against the type, so
 * a value added to or removed from the type fails to compile here rather than refusing rows.
 */
import {
  CANCEL_REASONS,
  PAYMENT_METHODS,
  type CancelReason,
  type CareTask,
  type DecisionKind,
  type Member,
  type Payment,
  type PointsEntry,
  type TicketOrder,
} from '../../contract';
import type { LedgerKind } from '../../rules/points';
import type { ConflictRow } from '../conflicts';

type Exactly<T extends string> = { readonly [K in T]: K };

export const TICKET_ORDER_STATUSES = { sold: 'sold', cancelled: 'cancelled' } as const satisfies Exactly<
  TicketOrder['status']
>;

export const MEMBER_STATUSES = { active: 'active', suspended: 'suspended' } as const satisfies Exactly<
  Member['status']
>;

/** pending: a redemption made on a desk and not yet confirmed by the server. */
export const POINTS_STATUSES = { posted: 'posted', pending: 'pending', void: 'void' } as const satisfies Exactly<
  PointsEntry['status']
>;

export const LEDGER_KINDS = {
  earn: 'earn',
  redeem: 'redeem',
  expire: 'expire',
  reverse: 'reverse',
  adjust: 'adjust',
} as const satisfies Exactly<LedgerKind>;

export const DECISION_KINDS = { approve: 'approve', reject: 'reject' } as const satisfies Exactly<DecisionKind>;

export const CARE_TASK_KINDS = { birthday: 'birthday', near_tier: 'near_tier' } as const satisfies Exactly<
  CareTask['kind']
>;

export const CONFLICT_STATUSES = { open: 'open', resolved: 'resolved' } as const satisfies Exactly<
  ConflictRow['status']
>;

/** The reasons a person may choose, and `no_show`, which only the night audit writes. */
export const CANCELLATION_REASONS = [...CANCEL_REASONS, 'no_show'] as const satisfies readonly CancelReason[];

/** The methods a person may record, and `points`, which only a redemption writes. */
export const PAYMENT_ROW_METHODS = [...PAYMENT_METHODS, 'points'] as const satisfies readonly Payment['method'][];
