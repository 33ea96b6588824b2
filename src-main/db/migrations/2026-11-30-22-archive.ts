/**
 * Frozen: the document archive (issue 15). Synced: archive_document (a contract, a customer
 * document or a work record, with its metadata), archive_file (each stored file: a contract's
 * versions, a document, a record's file — its size, the SHA-256 of the original, the list of its
 * encrypted chunks' hashes and its data key wrapped by the property key) and archive_grant (a
 * plaintext download allowed by an approval, used once). Desk-local: archive_chunk, the encrypted
 * chunks this desk holds (uploaded here, or fetched from the server when a file was opened), never
 * plaintext, and archive_upload, a complete upload's sealed fields until its filing reaches the server. Approval rules: a plaintext download is held with dual review; deleting a work record
 * past retention is held for a director. The archive permissions are granted on an existing
 * property (the server grants them in its stored matrix by its own migration 11).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { captureChanges, grantOnExistingProperty } from './capture';

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
  await db.schema
    .createTable('archive_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('counterparty', 'text')
    .addColumn('project', 'text')
    .addColumn('contract_no', 'text')
    .addColumn('amount_fen', 'integer')
    .addColumn('signed_on', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('status', 'text')
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('period', 'text')
    .addColumn('record_kind', 'text')
    .addColumn('retain_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('archive_document_tier').on('archive_document').columns(['tier', 'name']).execute();
  await db.schema
    .createIndex('archive_document_subject')
    .on('archive_document')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('archive_document_contract_name')
    .on('archive_document')
    .column('name')
    .unique()
    .where(sql.ref('tier'), '=', 'contract')
    .execute();
  await db.schema
    .createIndex('archive_document_record')
    .on('archive_document')
    .columns(['period', 'device', 'record_kind'])
    .unique()
    .where(sql.ref('tier'), '=', 'record')
    .execute();

  await db.schema
    .createTable('archive_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunks_json', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('archive_file_version')
    .on('archive_file')
    .columns(['document_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('archive_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('archive_grant_file').on('archive_grant').columns(['file_id', 'staff_id']).execute();

  // Desk-local: the encrypted chunks this desk holds, by the SHA-256 of their ciphertext.
  // `uploaded`: the server is known to hold it. `staged_at`: when it was stored (an upload never
  // filed leaves chunks no file names; they are swept after a day).
  await db.schema
    .createTable('archive_chunk')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .addColumn('uploaded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staged_at', 'text', (c) => c.notNull())
    .execute();
  // The sync run's question (which chunks are not yet acknowledged) and the sweep of stale staged
  // chunks read these columns alone: without an index each would read every chunk's megabyte.
  await db.schema.createIndex('archive_chunk_pending').on('archive_chunk').columns(['uploaded', 'hash']).execute();
  await db.schema.createIndex('archive_chunk_staged').on('archive_chunk').column('staged_at').execute();

  // Desk-local: an upload whose last chunk has been sealed, with its sealed file's fields (the data
  // key only wrapped), until it is filed and the server holds the filing: a filing run again on a
  // sync rebase, even after a restart, files the same file.
  await db.schema
    .createTable('archive_upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunks_json', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .execute();

  for (const rule of RULES) {
    await db
      .insertInto('approval_rule')
      .values(rule)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await sql`DELETE FROM sync_touched WHERE table_name = 'approval_rule' AND row_key = ${rule.operation}`.execute(db);
  }
  await captureChanges(db, [
    ['archive_document', 'id'],
    ['archive_file', 'id'],
    ['archive_grant', 'id'],
  ]);
  await grantOnExistingProperty(db, GRANTS);
}
