/**
 * Frozen: the archive (desk migration 22) on the server. Its grants join the permission matrix
 * the server stores, and its two approval rules (a plaintext download held with dual review, a
 * work record's deletion held for a director) are stored, so the server checks both against its
 * own policy. archive_blob holds the archive's encrypted chunks, by property and the SHA-256 of
 * their bytes: ciphertext only, each stored once per property.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import { addSeededRows, type SeededRow } from './stored-rows';

const GRANTS: ReadonlyArray<readonly [role: string, permission: string]> = [
  ['agent', 'archive.customer.attach'],
  ['service_rep', 'archive.customer.attach'],
  ['supervisor', 'archive.customer.attach'],
  ['supervisor', 'archive.customer.read'],
  ['supervisor', 'archive.records.read'],
  ['director', 'archive.customer.attach'],
  ['director', 'archive.customer.read'],
  ['director', 'archive.records.read'],
  ['director', 'archive.contracts.manage'],
  ['director', 'archive.contracts.read'],
  ['general_manager', 'archive.customer.attach'],
  ['general_manager', 'archive.customer.read'],
  ['general_manager', 'archive.records.read'],
  ['general_manager', 'archive.contracts.manage'],
  ['admin', 'archive.customer.attach'],
  ['admin', 'archive.records.read'],
  ['admin', 'archive.records.manage'],
  ['admin', 'archive.contracts.manage'],
];

const RULES = [
  {
    operation: 'archive.allowDownload',
    needs_approval: 1,
    min_approver_role: 'supervisor',
    approval_min_fen: null,
    dual_review: 1,
    dual_review_min_fen: null,
  },
  {
    operation: 'archive.records.delete',
    needs_approval: 1,
    min_approver_role: 'director',
    approval_min_fen: null,
    dual_review: 0,
    dual_review_min_fen: null,
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('archive_blob')
    .addColumn('property_id', 'text', (c) => c.notNull().references('property.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_blob_pk', ['property_id', 'hash'])
    .execute();

  const seeded: SeededRow[] = [
    ...GRANTS.map(([role, permission]) => ({
      table: 'role_permission',
      key: JSON.stringify([role, permission]),
      data: { role, permission },
      group: role,
    })),
    ...RULES.map((rule) => ({ table: 'approval_rule', key: rule.operation, data: rule, group: null })),
  ];
  await addSeededRows(db, seeded);
}
