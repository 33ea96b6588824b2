/**
 * Frozen: the property key's recovery envelope on the property row (ciphertext only: the key
 * wrapped by the recovery passphrase), the permission to manage it, and the director's approval
 * for a new passphrase.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('property').addColumn('key_envelope', 'text').execute();
  await db.schema.alterTable('property').addColumn('key_id', 'text').execute();
  await sql`INSERT OR IGNORE INTO role_permission (role, permission) SELECT 'admin', 'vault.manage' WHERE EXISTS (SELECT 1 FROM property)`.execute(
    db,
  );
  await db
    .insertInto('approval_rule')
    .values({
      operation: 'vault.changePassphrase',
      needs_approval: 1,
      min_approver_role: 'director',
      approval_min_fen: null,
      dual_review: 0,
      dual_review_min_fen: null,
    })
    .onConflict((oc) => oc.column('operation').doNothing())
    .execute();
}
