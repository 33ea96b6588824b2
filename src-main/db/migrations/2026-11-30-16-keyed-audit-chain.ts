/**
 * Frozen: the audit chain's key lives in the desk's vault; the database keeps it only sealed
 * under the property key (so a restore on a new PC, given the recovery passphrase, can verify the
 * chain again), and the last chain head the server acknowledged (its checkpoint, and when), for
 * checking while offline.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('device').addColumn('audit_key_sealed', 'text').execute();
  await db.schema.alterTable('sync_state').addColumn('audit_checkpoint_seq', 'integer').execute();
  await db.schema.alterTable('sync_state').addColumn('audit_checkpoint_hash', 'text').execute();
  await db.schema.alterTable('sync_state').addColumn('audit_checkpoint_at', 'text').execute();
}
