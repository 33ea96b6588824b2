/**
 * Who may have run a pushed mutation: an operation the server accepts from a desk, run by active
 * staff of the property who, by the server's own permission matrix at this moment, holds its
 * permission; the desk's own jobs without an actor; the founding snapshot only from the founding
 * desk before anything else. Also: natural keys that stay unique across desks.
 */
import { isOperationName, operations } from '@shared/contract';
import { isPermission } from '@shared/permissions';
import { SNAPSHOT_OPERATION, type PushedMutation, type RejectionReason } from '@shared/sync/protocol';
import { DESK_OPERATIONS, writeRuleOf, type Writer, type WriteRule } from '@shared/sync/write-rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { groupRows, readRow, type RowIn } from './rows';

export interface Rejection {
  reason: RejectionReason;
  detail?: string;
}

export interface Pusher {
  propertyId: string;
  deviceId: string;
  foundingDeviceId: string;
}

/** A desk may claim a time a little ahead of the server's clock, never further. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What one request's checks read of the property's staff and permission matrix, kept until one of
 * its mutations writes either (a batch from one desk is mostly one actor doing one thing).
 */
export class AuthorityCache {
  private readonly staff = new Map<string, RowIn<'staff'> | null>();
  private readonly grants = new Map<string, Set<string>>();

  async actor(db: Kysely<Database>, propertyId: string, id: string): Promise<RowIn<'staff'> | null> {
    if (!this.staff.has(id)) this.staff.set(id, await readRow(db, propertyId, 'staff', id));
    return this.staff.get(id)!;
  }

  async grantsOf(db: Kysely<Database>, propertyId: string, role: string): Promise<Set<string>> {
    if (!this.grants.has(role))
      this.grants.set(
        role,
        new Set((await groupRows(db, propertyId, 'role_permission', [role])).map(({ row }) => row.permission)),
      );
    return this.grants.get(role)!;
  }

  /** After a mutation is applied: anything it wrote to staff or the matrix makes the kept answers stale. */
  noteWrites(tables: Iterable<string>): void {
    for (const table of tables) {
      if (table === 'staff' || table === 'role_permission') {
        this.staff.clear();
        this.grants.clear();
        return;
      }
    }
  }
}

export function isActiveStaff(row: RowIn<'staff'> | null): row is RowIn<'staff'> {
  return row !== null && row.active === 1 && row.deleted_at == null;
}

/** The founding snapshot goes up before anything else of the property: from the founding desk, while nothing but snapshots was pushed. */
async function snapshotWindowOpen(db: Kysely<Database>, pusher: Pusher): Promise<boolean> {
  if (pusher.deviceId !== pusher.foundingDeviceId) return false;
  const other = await db
    .selectFrom('push_result')
    .innerJoin('device', 'device.id', 'push_result.device_id')
    .select('push_result.seq')
    .where('device.property_id', '=', pusher.propertyId)
    .where((eb) =>
      eb.or([eb('push_result.device_id', '!=', pusher.deviceId), eb('push_result.name', '!=', SNAPSHOT_OPERATION)]),
    )
    .limit(1)
    .executeTakeFirst();
  return other === undefined;
}

export type Authorised = { rule: WriteRule; writer: Writer } | { rejection: Rejection };

/** The operation, its actor and its time; on success the rule its rows are checked against and who wrote them. */
export async function authorise(
  db: Kysely<Database>,
  pusher: Pusher,
  mutation: PushedMutation,
  cache: AuthorityCache,
  now: Date,
): Promise<Authorised> {
  const { name } = mutation;
  const at = Date.parse(mutation.at);
  if (!Number.isFinite(at) || at > now.getTime() + CLOCK_SKEW_MS)
    return { rejection: { reason: 'MALFORMED', detail: 'at' } };
  const rule = writeRuleOf(name);
  const writer = { deviceId: pusher.deviceId, input: mutation.input };

  if (DESK_OPERATIONS.has(name)) {
    if (mutation.actorId !== null || mutation.approvalId !== null)
      return { rejection: { reason: 'MALFORMED', detail: 'a desk job has no actor' } };
    if (name === SNAPSHOT_OPERATION && !(await snapshotWindowOpen(db, pusher)))
      return { rejection: { reason: 'NOT_FOUNDING_DESK' } };
    return { rule: rule!, writer: { ...writer, actor: null } };
  }
  // Public operations (first-run setup), desk-local ones and other jobs never travel.
  if (
    !isOperationName(name) ||
    !rule ||
    operations[name].kind !== 'mutation' ||
    operations[name].access === 'public' ||
    operations[name].sync === false
  ) {
    return { rejection: { reason: 'UNKNOWN_OPERATION', detail: name.slice(0, 100) } };
  }
  if (mutation.actorId === null) return { rejection: { reason: 'STAFF_UNKNOWN' } };
  const actor = await cache.actor(db, pusher.propertyId, mutation.actorId);
  if (!isActiveStaff(actor)) return { rejection: { reason: 'STAFF_UNKNOWN', detail: mutation.actorId } };
  const access = operations[name].access;
  if (isPermission(access) && !(await cache.grantsOf(db, pusher.propertyId, actor.role)).has(access)) {
    return { rejection: { reason: 'PERMISSION_DENIED', detail: access } };
  }
  return {
    rule,
    writer: {
      ...writer,
      actor: {
        id: String(actor.id),
        username: String(actor.username),
        displayName: String(actor.display_name),
        role: String(actor.role),
      },
    },
  };
}
