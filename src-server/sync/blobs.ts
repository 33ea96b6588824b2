/**
 * The archive's encrypted chunks on the server (issue 15): ciphertext a desk sealed, stored once
 * per property under the SHA-256 of its bytes. The server never sees a key or a plaintext byte; it
 * takes a chunk only when its bytes hash to its name and a filed, live archive_file of the caller's
 * property lists it (nobody can park arbitrary data here), hands one out only to a desk of the
 * property that holds it, and lets go of chunks no live file names any more (a work record deleted
 * past its retention).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { SyncError } from '../errors';
import type { RowWrite } from './rows';

const PAGE = 500;

export const blobHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Of the hashes given, those the property does not hold. */
export async function missingBlobs(
  db: Kysely<Database>,
  propertyId: string,
  hashes: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(hashes)];
  const held = new Set<string>();
  for (let i = 0; i < wanted.length; i += PAGE) {
    const rows = await db
      .selectFrom('archive_blob')
      .select('hash')
      .where('property_id', '=', propertyId)
      .where('hash', 'in', wanted.slice(i, i + PAGE))
      .execute();
    for (const row of rows) held.add(row.hash);
  }
  return wanted.filter((hash) => !held.has(hash));
}

interface StoredFile {
  document_id: string;
  chunks_json: string;
}

/** The live archive_file rows of the property whose chunk list names `hash` (a LIKE narrows, the parsed list decides), of documents not deleted. */
async function filesNaming(
  db: Kysely<Database>,
  propertyId: string,
  hash: string,
  exceptDocuments: ReadonlySet<string> = new Set(),
): Promise<StoredFile[]> {
  const stored = await db
    .selectFrom('sync_row')
    .select('data')
    .where('property_id', '=', propertyId)
    .where('table_name', '=', 'archive_file')
    .where('deleted', '=', 0)
    .where(sql<boolean>`data like ${`%${hash}%`}`)
    .execute();
  const files = stored
    .map((row) => JSON.parse(row.data!) as StoredFile)
    .filter((file) => !exceptDocuments.has(file.document_id))
    .filter((file) => (JSON.parse(file.chunks_json) as unknown[]).includes(hash));
  const live: StoredFile[] = [];
  for (const file of files) {
    const document = await db
      .selectFrom('sync_row')
      .select('data')
      .where('property_id', '=', propertyId)
      .where('table_name', '=', 'archive_document')
      .where('row_key', '=', file.document_id)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    if (document && (JSON.parse(document.data!) as { deleted_at: string | null }).deleted_at === null) live.push(file);
  }
  return live;
}

/**
 * Stores a chunk for the property: refused unless its bytes hash to `hash` (BLOB_HASH_MISMATCH) and
 * a live file of the property names it (BLOB_UNREFERENCED); a chunk held already is left as it is.
 */
export async function storeBlob(
  db: Kysely<Database>,
  propertyId: string,
  hash: string,
  bytes: Buffer,
  now = new Date(),
): Promise<{ stored: boolean }> {
  if (blobHash(bytes) !== hash) throw new SyncError('BLOB_HASH_MISMATCH');
  if ((await filesNaming(db, propertyId, hash)).length === 0) throw new SyncError('BLOB_UNREFERENCED');
  const result = await db
    .insertInto('archive_blob')
    .values({ property_id: propertyId, hash, bytes, stored_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['property_id', 'hash']).doNothing())
    .executeTakeFirst();
  return { stored: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** A chunk the property holds; ARCHIVE_NOT_ON_SERVER when it does not (another property's chunk included). */
export async function readBlob(db: Kysely<Database>, propertyId: string, hash: string): Promise<Buffer> {
  const row = await db
    .selectFrom('archive_blob')
    .select('bytes')
    .where('property_id', '=', propertyId)
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (!row) throw new SyncError('ARCHIVE_NOT_ON_SERVER');
  return Buffer.from(row.bytes);
}

/**
 * After a mutation is applied: the chunks of the documents it deleted (deleted_at set) or of the
 * files it removed that no live file of the property names any more are deleted, in the same
 * transaction as the rows.
 */
export async function releaseBlobs(
  db: Kysely<Database>,
  propertyId: string,
  writes: readonly Pick<RowWrite, 'table' | 'before' | 'after'>[],
): Promise<number> {
  const released = new Set<string>();
  const deletedDocuments = new Set<string>();
  for (const { table, before, after } of writes) {
    if (table === 'archive_document' && before && after && before.deleted_at == null && after.deleted_at != null)
      deletedDocuments.add(String(after.id));
    if (table === 'archive_file' && before && after === null)
      for (const hash of JSON.parse(String(before.chunks_json)) as string[]) released.add(hash);
  }
  for (const documentId of deletedDocuments) {
    const files = await db
      .selectFrom('sync_row')
      .select('data')
      .where('property_id', '=', propertyId)
      .where('table_name', '=', 'archive_file')
      .where('group_key', '=', documentId)
      .where('deleted', '=', 0)
      .execute();
    for (const file of files)
      for (const hash of JSON.parse((JSON.parse(file.data!) as StoredFile).chunks_json) as string[]) released.add(hash);
  }
  let deleted = 0;
  for (const hash of released) {
    if ((await filesNaming(db, propertyId, hash, deletedDocuments)).length > 0) continue;
    const result = await db
      .deleteFrom('archive_blob')
      .where('property_id', '=', propertyId)
      .where('hash', '=', hash)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
