/**
 * What the sync benchmark stands on: the real server (`src-server/cli.ts`) in its own process on
 * 127.0.0.1, on SQLite or on a database in a throwaway PostgreSQL cluster; real desks enrolled
 * with it (tests/sync/desks.ts); rows shaped exactly as a desk writes them.
 */
import fs from 'node:fs';
import type { Effect } from '@shared/sync/protocol';
import { maskPhone } from '@shared/rules/masking';
import { syncedTable } from '@shared/sync/tables';
import type { ServerProcess } from '../support/server-process';
import type { Desk } from '../integration/desk';

export async function call(desk: Desk, name: string, input: unknown = {}): Promise<unknown> {
  return (desk.call as (n: string, i: unknown) => Promise<unknown>)(name, input);
}

/** syncNow until the outbox is empty; throws on a sync error (nothing may be left behind silently). */
export async function syncClean(desk: Desk): Promise<void> {
  for (let round = 0; ; round++) {
    await desk.services.sync.syncNow();
    const status = await desk.services.sync.status();
    if (status.lastError) throw new Error(`sync failed: ${status.lastError}`);
    if (status.pendingCount === 0) return;
    if (round > 10) throw new Error(`sync left ${status.pendingCount} pending`);
  }
}

export async function closeDesk(desk: Desk): Promise<void> {
  await desk.close();
  fs.rmSync(desk.dataDir, { recursive: true, force: true });
}

/** The effects of the newest outbox entry named `name`, as the desk queued them. */
export async function queuedEffects(desk: Desk, name: string): Promise<Effect[]> {
  const row = await desk.services.db
    .selectFrom('outbox')
    .select('effects_json')
    .where('name', '=', name)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return JSON.parse(row.effects_json) as Effect[];
}

/** A copy of a real desk's guest row as a new guest (its own id, customer number, name and phone). */
export function guestLike(template: Effect, id: string, customerNo: string, i: number): Effect {
  // Its phone's searchable forms only: these copies measure sync, not sealing (tests/bench/guests-crypto.bench.ts does).
  const phone = `13${String((i * 7919 + 12345) % 1_000_000_000).padStart(9, '0')}`;
  const row = {
    ...template.row!,
    id,
    customer_no: customerNo,
    name: `客人${i}`,
    phone_sealed: null,
    phone_hmac: null,
    phone_last4: phone.slice(-4),
    phone_masked: maskPhone(phone),
    id_number_sealed: null,
    id_number_hmac: null,
    id_type: null,
  };
  return { table: 'guest', key: id, row };
}

/** A copy of a real desk's audit entry for that guest. */
export function auditLike(template: Effect, id: string, guestId: string, customerNo: string, i: number): Effect {
  const row = {
    ...template.row!,
    id,
    seq: Number(template.row!.seq) + i,
    entity_id: guestId,
    detail_json: JSON.stringify({ after: { customerNo, name: `客人${i}`, temporary: false } }),
  };
  return { table: 'audit_log', key: id, row };
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/**
 * Bulk setup: writes rows into the server's store for a property exactly as its push handler
 * does (`writeRow` in src-server/sync/rows.ts: the next property version each, server_version
 * stamped, the registry's group and unique keys), many per statement, so a large property can
 * be staged in seconds. Only for new rows of a property nobody is writing to at the time.
 */
export async function seedRows(server: ServerProcess, property: string, effects: readonly Effect[]): Promise<void> {
  await server.db.db.transaction().execute(async (trx) => {
    const { version: start } = await trx
      .selectFrom('property')
      .select('version')
      .where('id', '=', property)
      .executeTakeFirstOrThrow();
    let version = Number(start);
    for (let first = 0; first < effects.length; first += 1000) {
      const values = effects.slice(first, first + 1000).map((effect) => {
        const def = syncedTable(effect.table);
        version += 1;
        const row = Object.hasOwn(effect.row!, 'server_version')
          ? { ...effect.row!, server_version: version }
          : effect.row!;
        return {
          property_id: property,
          table_name: effect.table,
          row_key: effect.key,
          data: JSON.stringify(row),
          deleted: 0,
          version,
          group_key: def.group?.(row) ?? null,
          unique_key: def.unique?.(row) ?? null,
        };
      });
      await trx.insertInto('sync_row').values(values).execute();
    }
    await trx.updateTable('property').set({ version }).where('id', '=', property).execute();
  });
}
