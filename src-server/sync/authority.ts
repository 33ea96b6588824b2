/**
 * The checks a mutation must pass before its effects are applied: a known operation the actor
 * may run (against the property's staff and permission matrix as the server holds them), known
 * tables, and natural keys that stay unique across desks.
 */
import { isOperationName, operations } from '@shared/contract';
import { SNAPSHOT_OPERATION, type PushedMutation, type RejectionReason } from '@shared/sync/protocol';
import { isSyncedTable, syncedTable } from '@shared/sync/tables';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findDuplicate, groupRows, hasRows, readRow } from './rows';

export interface Rejection {
  reason: RejectionReason;
  detail?: string;
}

export interface Pusher {
  propertyId: string;
  deviceId: string;
  foundingDeviceId: string;
}

/** Jobs (night audit, care reminders) run by the desk itself, without an actor. */
const JOB_PREFIX = 'job.';

export async function checkMutation(db: Kysely<Database>, pusher: Pusher, mutation: PushedMutation): Promise<Rejection | null> {
  const unknownTable = mutation.effects.find((effect) => !isSyncedTable(effect.table));
  if (unknownTable) return { reason: 'UNKNOWN_OPERATION', detail: `table:${unknownTable.table}` };
  return (await checkOperation(db, pusher, mutation)) ?? (await checkUnique(db, pusher.propertyId, mutation));
}

async function checkOperation(db: Kysely<Database>, pusher: Pusher, mutation: PushedMutation): Promise<Rejection | null> {
  const { name } = mutation;
  if (name === SNAPSHOT_OPERATION) return pusher.deviceId === pusher.foundingDeviceId ? null : { reason: 'NOT_FOUNDING_DESK' };
  if (name.startsWith(JOB_PREFIX) && mutation.actorId === null) return null;
  if (!isOperationName(name) || operations[name].kind !== 'mutation') return { reason: 'UNKNOWN_OPERATION', detail: name };
  const access = operations[name].access;
  if (access === 'public') return null;
  // The staff and the permission matrix arrive with the founding desk's snapshot: nothing to check against before.
  if (!(await hasRows(db, pusher.propertyId, 'role_permission'))) return null;

  const actor = mutation.actorId === null ? null : await readRow(db, pusher.propertyId, 'staff', mutation.actorId);
  if (!actor || Number(actor.active) !== 1 || actor.deleted_at != null) return { reason: 'STAFF_UNKNOWN', detail: mutation.actorId ?? undefined };
  // A held operation runs on a supervisor's approval, which was checked when it was granted.
  if (access === 'signed-in' || mutation.approvalId !== null) return null;
  const grants = await groupRows(db, pusher.propertyId, 'role_permission', [String(actor.role)]);
  return grants.some(({ row }) => row.permission === access) ? null : { reason: 'PERMISSION_DENIED', detail: access };
}

async function checkUnique(db: Kysely<Database>, propertyId: string, mutation: PushedMutation): Promise<Rejection | null> {
  for (const effect of mutation.effects) {
    const uniqueKey = effect.row === null ? null : (syncedTable(effect.table).unique?.(effect.row) ?? null);
    if (uniqueKey !== null && (await findDuplicate(db, propertyId, effect.table, effect.key, uniqueKey))) {
      return { reason: 'DUPLICATE', detail: `${effect.table}:${uniqueKey}` };
    }
  }
  return null;
}
