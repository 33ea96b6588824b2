/**
 * This desk's identity in its own database: a device id (its name to the server, for good) and a
 * four-character desk code that goes into every number it gives out (B261126-VKXM-001). A desk
 * restored from a backup keeps its id but takes a new code and leaves a gap in its mutation numbers,
 * so that nothing it makes next can carry a number the desk already gave out after that backup.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/schema';
import { leaveSequenceGap } from '../sync/sequence';

const DESK_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newDeskCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => DESK_CODE_ALPHABET[b % DESK_CODE_ALPHABET.length]).join('');
}

export async function ensureDevice(db: Kysely<Database>, now: Date): Promise<{ id: string; code: string }> {
  const existing = await db.selectFrom('device').select(['id', 'code']).executeTakeFirst();
  if (existing) return existing;
  const device = { id: uuidv7(), code: newDeskCode() };
  await db
    .insertInto('device')
    .values({ ...device, last_seq: 0, created_at: now.toISOString() })
    .execute();
  return device;
}

/** In a restored database, before it is used: a new desk code for its numbers, a gap in its mutation numbers. */
export function markRestored(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('UPDATE device SET code = ?').run(newDeskCode());
  leaveSequenceGap(sqlite);
}
