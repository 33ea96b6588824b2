/**
 * Applying a pulled page, and rebasing the desk's pending work on it. When the page touches what a
 * pending mutation wrote or was based on (or the server called one stale), the desk does what a
 * serial history would: it undoes its pending mutations (newest first, from their before-images),
 * writes the server's rows, and runs each pending intent again through its own handler, as its
 * actor ran it and at the time they ran it, producing fresh rows and a fresh outbox row. An intent
 * the newer state refuses becomes a work item every desk sees (sync_conflict, rebase_refused),
 * never a silent drop; money it recorded stays recorded. Intents that cannot run again — the
 * desk's own jobs and those whose input held a secret (a password) — go back on top as written.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ControlledTransaction, Selectable } from 'kysely';
import { isOperationName, operations } from '@shared/contract';
import type { AppErrorValue } from '@shared/errors';
import { rootOf } from '@shared/sync/aggregates';
import type { PullResponse, RejectionReason } from '@shared/sync/protocol';
import { DESK_OPERATIONS, REFUSED_OPERATION } from '@shared/sync/write-rules';
import { currentOperationName } from '@shared/sync/renamed-operations';
import { fromJson } from '@shared/json';
import type { Database, OutboxTable } from '../db/schema';
import { queueMutation, unbased } from '../services/outbox';
import { keepOnlyQueued, queuedTouches, RowWriter } from './apply';
import { takeEffects, touchedMark } from './effects';
import type { Intent, SyncHost } from './host';

/**
 * Changes that record money taken, points spent or a sale promised to a guest: refused on the newer
 * state, they stay recorded beside their work item — never dropped.
 */
const KEPT_WHEN_REFUSED = new Set([
  'payments.record',
  'members.redeem',
  'bookings.create',
  'bookings.overbook',
  'tickets.sell',
]);

/**
 * Refusals that only mean another desk did the same first (two desks auditing one night): listed
 * with this desk's refused changes, with the reason the server would give, and no work item.
 */
const DONE_ELSEWHERE: Readonly<
  Record<string, { reason: RejectionReason; detail: (params: Record<string, unknown>) => string }>
> = {
  NIGHT_AUDIT_DATE_CLOSED: {
    reason: 'BUSINESS_DATE_CLOSED',
    detail: (p) => `${String(p.date)} already closed, business date ${String(p.open)}`,
  },
};

/** A sale past the last room or place is the server's to arbitrate: kept, it becomes the usual oversold conflict, not a work item here. */
const SCARCE = new Set(['BOOKING_SOLD_OUT', 'SLOT_FULL']);

type Pending = Selectable<OutboxTable>;

const keyOf = (table: string, key: string) => `${table}\u0000${key}`;

/** The roots a page changes, at their new versions. */
function pageRoots(writer: RowWriter, page: PullResponse): Map<string, number> {
  const roots = new Map<string, number>();
  for (const change of page.changes) {
    // A deleted row's root is the one it had here.
    const row = change.row ?? writer.current(change.table, change.key);
    const root = row ? rootOf(change.table, row) : null;
    if (root !== null) roots.set(root, Math.max(roots.get(root) ?? 0, change.version));
  }
  return roots;
}

/** Whether the page touches a row a pending mutation wrote or a root it was based on. */
function touchesPending(page: PullResponse, roots: Map<string, number>, pending: readonly Pending[]): boolean {
  const keys = new Set(page.changes.map((change) => keyOf(change.table, change.key)));
  return pending.some(
    (row) =>
      fromJson(row.effects_json).some((effect) => keys.has(keyOf(effect.table, effect.key))) ||
      Object.keys(fromJson(row.bases_json)).some((root) => roots.has(root)),
  );
}

/** Writes the page's rows (the server's win), the roots' versions and the cursor, and drops what the server has acknowledged. */
function writePage(
  sqlite: BetterSqlite3.Database,
  writer: RowWriter,
  page: PullResponse,
  roots: Map<string, number>,
): void {
  for (const change of page.changes) writer.write(change);
  const root = sqlite.prepare(
    'INSERT INTO sync_root (root_key, version) VALUES (?, ?) ON CONFLICT (root_key) DO UPDATE SET version = max(version, excluded.version)',
  );
  for (const [key, version] of roots) root.run(key, version);
  sqlite.prepare('DELETE FROM outbox WHERE seq <= ?').run(page.lastSeq);
  sqlite.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(page.cursor);
}

function pendingAfter(sqlite: BetterSqlite3.Database, lastSeq: number): Pending[] {
  return sqlite.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq').all(lastSeq) as Pending[];
}

/** Whether a page touches the desk's pending work (then it, and every page after it in this pull, are applied together with one rebase). */
export function touchesPendingWork(host: SyncHost, page: PullResponse): boolean {
  const pending = pendingAfter(host.sqlite, page.lastSeq);
  return (
    pending.length > 0 && touchesPending(page, pageRoots(new RowWriter(host.sqlite, host.device.id), page), pending)
  );
}

/**
 * Applies pulled pages in one transaction, rebasing the desk's pending work once, after the last
 * of them (never on a page that may end in the middle of another desk's change). `force`: the
 * server answered stale, so pending work is rebased even if these pages do not show why.
 */
export async function applyPages(host: SyncHost, pages: readonly PullResponse[], force: boolean): Promise<void> {
  const { sqlite } = host;
  const last = pages.at(-1);
  if (!last) return;
  await host.db.connection().execute(async (connection) => {
    sqlite.pragma('foreign_keys = OFF');
    const trx = await connection.startTransaction().execute();
    try {
      const writer = new RowWriter(sqlite, host.device.id);
      const roots = pages.map((page) => pageRoots(writer, page));
      const pending = pendingAfter(sqlite, last.lastSeq);
      const queued = queuedTouches(sqlite);
      const rebasing =
        pending.length > 0 && (force || pages.some((page, i) => touchesPending(page, roots[i]!, pending)));
      if (rebasing) {
        // The desk's own pending ledger entries were never synced: the undo may take them back.
        sqlite.prepare('UPDATE sync_undo SET active = 1 WHERE id = 1').run();
        for (const row of [...pending].reverse())
          for (const before of fromJson(row.befores_json).reverse()) writer.write(before);
        sqlite.prepare('UPDATE sync_undo SET active = 0 WHERE id = 1').run();
      }
      pages.forEach((page, i) => writePage(sqlite, writer, page, roots[i]!));
      if (rebasing) sqlite.prepare('DELETE FROM outbox').run();
      keepOnlyQueued(sqlite, queued);
      if (rebasing) await redoAll(host, trx, pending, last.lastSeq);
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
  });
}

async function redoAll(
  host: SyncHost,
  trx: ControlledTransaction<Database>,
  pending: readonly Pending[],
  lastSeq: number,
): Promise<void> {
  host.sqlite.prepare('UPDATE device SET last_seq = ? WHERE id = ?').run(lastSeq, host.device.id);
  const now = host.clock.now();
  // The audit entries of the first run stay in this desk's chain and still go up; the runs again add their own.
  const audits = pending.flatMap((row) =>
    fromJson(row.effects_json).filter((effect) => effect.table === 'audit_log' && effect.row !== null),
  );
  if (audits.length > 0)
    await queueMutation(
      trx,
      host.device.id,
      { name: 'job.changes', input: {}, actorId: null, approvalId: null },
      unbased(audits),
      now,
    );
  // A held operation is run again by its decision when that runs again too.
  const decidedAgain = new Set(
    pending
      .filter((row) => row.name === 'approvals.decide')
      .map((row) => String((fromJson(row.input_json) as { requestId?: unknown }).requestId)),
  );
  for (const row of pending) {
    if (row.approval_id !== null && decidedAgain.has(row.approval_id)) continue;
    if (!canRunAgain(row.name)) {
      await putBack(host, trx, row);
      continue;
    }
    const result = await host.rerun(trx, intentOf(row));
    if (result.ok) continue;
    const elsewhere = DONE_ELSEWHERE[result.error.code];
    if (elsewhere) {
      host.sqlite
        .prepare('INSERT OR REPLACE INTO sync_rejection (seq, name, reason, detail, at) VALUES (?, ?, ?, ?, ?)')
        .run(
          row.seq,
          row.name,
          elsewhere.reason,
          elsewhere.detail(result.error.params ?? {}),
          host.clock.now().toISOString(),
        );
      continue;
    }
    const keeps = KEPT_WHEN_REFUSED.has(currentOperationName(row.name));
    if (keeps) await putBack(host, trx, row);
    if (!(keeps && SCARCE.has(result.error.code))) await recordRefusal(host, trx, row, result.error, keeps);
  }
}

/** The desk's own jobs and intents whose input held a secret (it was never stored) cannot run again. */
function canRunAgain(signedName: string): boolean {
  const name = currentOperationName(signedName);
  return !DESK_OPERATIONS.has(name) && isOperationName(name) && !operations[name].redact?.length;
}

function intentOf(row: Pending): Intent {
  return {
    id: row.id,
    name: row.name,
    input: fromJson(row.input_json),
    actorId: row.actor_id,
    approvalId: row.approval_id,
    at: new Date(row.created_at),
    signedBy: row.signed_by,
    signature: row.signature,
    made: fromJson(row.made_json),
  };
}

/** The versions of some roots as this desk holds them now. */
function basesNow(sqlite: BetterSqlite3.Database, roots: Iterable<string>): Record<string, number> {
  const version = sqlite.prepare('SELECT version FROM sync_root WHERE root_key = ?');
  return Object.fromEntries(
    [...roots].map((root) => [root, (version.get(root) as { version: number } | undefined)?.version ?? 0]),
  );
}

/** Writes a pending mutation's rows back on top as they were written, and queues it again, now based on what the desk holds. */
async function putBack(host: SyncHost, trx: ControlledTransaction<Database>, row: Pending): Promise<void> {
  const effects = fromJson(row.effects_json).filter((effect) => effect.table !== 'audit_log');
  const mark = await touchedMark(trx);
  const writer = new RowWriter(host.sqlite, host.device.id);
  for (const effect of effects) writer.write(effect);
  await takeEffects(trx, mark);
  await queueMutation(
    trx,
    host.device.id,
    {
      id: row.id,
      name: row.name,
      input: fromJson(row.input_json),
      actorId: row.actor_id,
      approvalId: row.approval_id,
      signedBy: row.signed_by,
      signature: row.signature,
    },
    {
      effects,
      befores: fromJson(row.befores_json),
      bases: basesNow(host.sqlite, Object.keys(fromJson(row.bases_json))),
      made: fromJson(row.made_json),
    },
    new Date(row.created_at),
  );
}

/** What a refused intent was about, for its work item: its booking, ticket order or member, or the change itself. */
function subjectOf(row: Pending): { type: 'booking' | 'ticket_order' | 'member' | 'change'; id: string } {
  const input = (fromJson(row.input_json) ?? {}) as Record<string, unknown>;
  const pick = (...keys: string[]) =>
    keys.map((key) => input[key]).find((value): value is string => typeof value === 'string');
  const booking = pick(
    'bookingId',
    ...(row.name.startsWith('bookings.') || row.name.startsWith('frontDesk.') ? ['id'] : []),
  );
  if (booking) return { type: 'booking', id: booking };
  const order = pick('orderId');
  if (order) return { type: 'ticket_order', id: order };
  const member = pick('memberId');
  if (member) return { type: 'member', id: member };
  return { type: 'change', id: row.id };
}

async function recordRefusal(
  host: SyncHost,
  trx: ControlledTransaction<Database>,
  row: Pending,
  error: AppErrorValue,
  kept: boolean,
): Promise<void> {
  // One work item per intent, however often it is refused again: it carries the intent's id.
  if (host.sqlite.prepare('SELECT 1 FROM sync_conflict WHERE id = ?').get(row.id)) return;
  const actor =
    row.actor_id === null
      ? undefined
      : await trx.selectFrom('staff').select('display_name').where('id', '=', row.actor_id).executeTakeFirst();
  const subject = subjectOf(row);
  const at = host.clock.now().toISOString();
  const mark = await touchedMark(trx);
  await trx
    .insertInto('sync_conflict')
    .values({
      id: row.id,
      kind: 'rebase_refused',
      subject_type: subject.type,
      subject_id: subject.id,
      detail_json: JSON.stringify({
        operation: row.name,
        error: error.code,
        actor: actor?.display_name ?? '',
        desk: host.device.code,
        at: row.created_at,
        kept: kept ? 1 : 0,
      }),
      device_id: host.device.id,
      status: 'open',
      resolution: null,
      resolution_note: null,
      resolved_by: null,
      resolved_by_name: null,
      resolved_at: null,
      created_at: at,
      updated_at: at,
      server_version: null,
    })
    .execute();
  const effects = (await takeEffects(trx, mark)).map(({ effect }) => effect);
  await queueMutation(
    trx,
    host.device.id,
    { name: REFUSED_OPERATION, input: {}, actorId: null, approvalId: null },
    unbased(effects),
    host.clock.now(),
  );
}
