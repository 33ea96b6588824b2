/**
 * The checks a mutation must pass before its effects are applied: a known operation the actor
 * may run (against the property's staff and permission matrix as the server holds them), known
 * tables, and natural keys that stay unique across desks.
 */
import { isOperationName, operations } from '@shared/contract';
import { SNAPSHOT_OPERATION, type PushedMutation, type RejectionReason } from '@shared/sync/protocol';
import { isSyncedTable, rowKey, syncedTable } from '@shared/sync/tables';
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

/**
 * What one request's checks read of the property's staff and permission matrix, kept until one of
 * its mutations writes either (a batch from one desk is mostly one actor doing one thing).
 */
export class AuthorityCache {
  private readonly answers = new Map<string, Rejection | null>();
  private matrix: boolean | null = null;

  async actorCheck(key: string, check: () => Promise<Rejection | null>): Promise<Rejection | null> {
    if (!this.answers.has(key)) this.answers.set(key, await check());
    return this.answers.get(key)!;
  }

  async hasMatrix(check: () => Promise<boolean>): Promise<boolean> {
    this.matrix ??= await check();
    return this.matrix;
  }

  /** After a mutation is applied: anything it wrote to staff or the matrix makes the kept answers stale. */
  noteWrites(tables: Iterable<string>): void {
    for (const table of tables) {
      if (table === 'staff' || table === 'role_permission') {
        this.answers.clear();
        this.matrix = null;
        return;
      }
    }
  }
}

export async function checkMutation(db: Kysely<Database>, pusher: Pusher, mutation: PushedMutation, cache: AuthorityCache): Promise<Rejection | null> {
  const unknownTable = mutation.effects.find((effect) => !isSyncedTable(effect.table));
  if (unknownTable) return { reason: 'UNKNOWN_OPERATION', detail: `table:${unknownTable.table}` };
  // A row must sit under its own key, or one row could overwrite another.
  const misfiled = mutation.effects.find((effect) => effect.row !== null && rowKey(effect.table, effect.row) !== effect.key);
  if (misfiled) return { reason: 'MALFORMED', detail: `${misfiled.table}:${misfiled.key}` };
  return (await checkOperation(db, pusher, mutation, cache)) ?? (await checkUnique(db, pusher.propertyId, mutation));
}

async function checkOperation(db: Kysely<Database>, pusher: Pusher, mutation: PushedMutation, cache: AuthorityCache): Promise<Rejection | null> {
  const { name } = mutation;
  if (name === SNAPSHOT_OPERATION) return pusher.deviceId === pusher.foundingDeviceId ? null : { reason: 'NOT_FOUNDING_DESK' };
  if (name.startsWith(JOB_PREFIX) && mutation.actorId === null) return null;
  if (!isOperationName(name) || operations[name].kind !== 'mutation') return { reason: 'UNKNOWN_OPERATION', detail: name };
  const access = operations[name].access;
  if (access === 'public') return null;
  // The staff and the permission matrix arrive with the founding desk's snapshot: nothing to check against before.
  if (!(await cache.hasMatrix(() => hasRows(db, pusher.propertyId, 'role_permission')))) return null;
  // A held operation runs on a supervisor's approval, which was checked when it was granted.
  const needed = access === 'signed-in' || mutation.approvalId !== null ? null : access;
  return cache.actorCheck(`${mutation.actorId}|${needed}`, () => checkActor(db, pusher.propertyId, mutation.actorId, needed));
}

/** The actor must be active staff of the property and, when a permission is needed, hold it in the matrix. */
async function checkActor(db: Kysely<Database>, propertyId: string, actorId: string | null, permission: string | null): Promise<Rejection | null> {
  const actor = actorId === null ? null : await readRow(db, propertyId, 'staff', actorId);
  if (!actor || Number(actor.active) !== 1 || actor.deleted_at != null) return { reason: 'STAFF_UNKNOWN', detail: actorId ?? undefined };
  if (permission === null) return null;
  const grants = await groupRows(db, propertyId, 'role_permission', [String(actor.role)]);
  return grants.some(({ row }) => row.permission === permission) ? null : { reason: 'PERMISSION_DENIED', detail: permission };
}

async function checkUnique(db: Kysely<Database>, propertyId: string, mutation: PushedMutation): Promise<Rejection | null> {
  // Natural keys among the mutation's own rows first, then against what the server holds.
  const claimed = new Map<string, string>();
  for (const effect of mutation.effects) {
    const uniqueKey = effect.row === null ? null : (syncedTable(effect.table).unique?.(effect.row) ?? null);
    if (uniqueKey === null) continue;
    const claim = `${effect.table}:${uniqueKey}`;
    const holder = claimed.get(claim);
    if ((holder !== undefined && holder !== effect.key) || (await findDuplicate(db, propertyId, effect.table, effect.key, uniqueKey))) {
      return { reason: 'DUPLICATE', detail: claim };
    }
    claimed.set(claim, effect.key);
  }
  return null;
}
