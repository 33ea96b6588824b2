/**
 * The write rules of every operation that may travel, by operation name. Operations missing here
 * write nothing a server accepts: public operations (first-run setup), desk-local ones and any
 * job but `job.changes`. The founding snapshot has its own rule, which the server grants only to
 * the founding desk.
 */
import { SNAPSHOT_OPERATION } from '../protocol';
import { approvalRules } from './approvals';
import { archiveRules } from './archive';
import { bookingRules } from './bookings';
import { cancellationRules } from './cancellations';
import { callbacksRules } from './callbacks';
import { compensationRules } from './compensation';
import { complaintRules } from './complaints';
import { guestRules } from './guests';
import { inventoryRules } from './inventory';
import { staffRules } from './staff';
import { reportRules } from './reports';
import { REFUSED_OPERATION, SNAPSHOT_RULE, syncRules } from './sync';
import { ticketRules } from './tickets';
import type { WriteRule } from './types';

export const WRITE_RULES: Readonly<Record<string, WriteRule>> = {
  ...staffRules,
  ...approvalRules,
  ...guestRules,
  ...inventoryRules,
  ...bookingRules,
  ...ticketRules,
  ...cancellationRules,
  ...complaintRules,
  ...compensationRules,
  ...callbacksRules,
  ...reportRules,
  ...archiveRules,
  ...syncRules,
  [SNAPSHOT_OPERATION]: SNAPSHOT_RULE,
};

/** Operations the desk itself queues, without a staff member behind them. */
export const DESK_OPERATIONS: ReadonlySet<string> = new Set([SNAPSHOT_OPERATION, 'job.changes', REFUSED_OPERATION]);

export { REFUSED_OPERATION };

export function writeRuleOf(name: string): WriteRule | undefined {
  return Object.hasOwn(WRITE_RULES, name) ? WRITE_RULES[name] : undefined;
}

export type { RowCheck, Superseded, TableRule, WriteContext, Writer, WriteRule } from './types';
export { checkWrites, changedColumns, isGuarded, type RowWrite, type WriteViolation } from './check';
