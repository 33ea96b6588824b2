/**
 * Frozen: each staff member's signing key. sign_salt and sign_key (an Ed25519 public key) are
 * made with the password and travel with the staff row; the private key is derived from the
 * password when the person types it and is never stored. Each outbox row carries the signature of
 * its intent and who signed it, so the server knows the person was at the desk.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('sign_salt', 'text').execute();
  await db.schema.alterTable('staff').addColumn('sign_key', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('signed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('signature', 'text').execute();
}
