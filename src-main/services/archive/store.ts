/**
 * The desk's store of archived files: encrypted chunks in the desk-local `archive_chunk` table
 * (by the SHA-256 of their bytes, so a chunk is stored once), and reading a file back a chunk at a
 * time with every check on the way: each chunk's bytes against its hash, its GCM tag under the
 * file's data key, and at the end the SHA-256 of the whole original against the one filed with
 * it. Nothing here ever writes plaintext anywhere.
 */
import type { Kysely, Selectable } from 'kysely';
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { fromJson, toJson } from '@shared/json';
import type { ArchiveFileTable, Database } from '../../db/schema';
import {
  chunkCount,
  chunkHash,
  FileSealer,
  openChunk,
  unwrapDataKey,
  wrapDataKey,
  type SealedChunk,
} from '../../vault/file-cipher';
import { createHash } from 'node:crypto';
import type { PropertyKeys } from '../../vault/vault';

export type ArchiveFileRow = Selectable<ArchiveFileTable>;

/** Keeps sealed chunks on this desk (a chunk already held stays as it is). */
export async function putChunks(db: Kysely<Database>, chunks: readonly SealedChunk[], at: Date): Promise<void> {
  for (const chunk of chunks)
    await db
      .insertInto('archive_chunk')
      .values({ hash: chunk.hash, bytes: chunk.bytes, staged_at: at.toISOString() })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
}

/** The hashes, of those given, whose chunks this desk does not hold. */
export async function missingChunks(db: Kysely<Database>, hashes: readonly string[]): Promise<string[]> {
  const held = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('archive_chunk')
      .select('hash')
      .where('hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const row of rows) held.add(row.hash);
  }
  return [...new Set(hashes)].filter((hash) => !held.has(hash));
}

/**
 * Removes chunks staged before `before` that no filed file names (uploads begun and never filed).
 * A chunk a file names is never removed here.
 */
export async function sweepStagedChunks(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('archive_chunk')
    .where('staged_at', '<', before.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('archive_file')
            .innerJoin(
              (eb) => eb.fn<{ value: string }>('json_each', ['archive_file.chunks_json']).as('j'),
              (join) => join.onTrue(),
            )
            .select('j.value')
            .whereRef('j.value', '=', 'archive_chunk.hash'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What a filed file's row records of its sealing (the caller adds who, where, which document). */
export interface SealedFile {
  id: string;
  size: number;
  sha256: string;
  chunk_size: number;
  chunks_json: string;
  wrapped_key: string;
  key_id: string;
}

/** The row fields of a file sealed by `sealer`, its data key wrapped by the property's archive key. */
export function sealedFileFields(sealer: FileSealer, hashes: readonly string[], keys: PropertyKeys): SealedFile {
  return {
    id: sealer.fileId,
    size: sealer.size,
    sha256: sealer.digest(),
    chunk_size: sealer.chunkSize,
    chunks_json: toJson([...hashes]),
    wrapped_key: wrapDataKey(keys.key('archive'), sealer.fileId, sealer.dataKey),
    key_id: keys.keyId,
  };
}

/**
 * Seals a whole buffer made on the desk itself (a month's work record, at most a few MB) and
 * keeps its chunks: the file's row fields.
 */
export async function sealBuffer(
  db: Kysely<Database>,
  keys: PropertyKeys,
  fileId: string,
  bytes: Buffer,
  at: Date,
): Promise<SealedFile> {
  const sealer = new FileSealer(fileId, bytes.length, ARCHIVE_CHUNK_BYTES);
  const hashes: string[] = [];
  for (let index = 0; index < sealer.chunks; index++) {
    const start = index * ARCHIVE_CHUNK_BYTES;
    const sealed = sealer.push(index, bytes.subarray(start, start + sealer.expectedLength(index)));
    if (!sealed) throw new Error('sealing out of order');
    await putChunks(db, [sealed], at);
    hashes.push(sealed.hash);
  }
  return sealedFileFields(sealer, hashes, keys);
}

function damaged(file: ArchiveFileRow): AppError {
  return new AppError('ARCHIVE_DAMAGED', { file: file.file_name });
}

/** The file's data key, or ARCHIVE_DAMAGED when the property's key does not open it. */
export function dataKeyOf(file: ArchiveFileRow, keys: PropertyKeys): Buffer {
  const key = unwrapDataKey(keys.key('archive'), file.id, file.wrapped_key);
  if (!key) throw damaged(file);
  return key;
}

/** One chunk's plaintext, every check but the whole file's digest made (ARCHIVE_DAMAGED otherwise). */
export async function readChunk(
  db: Kysely<Database>,
  file: ArchiveFileRow,
  dataKey: Buffer,
  index: number,
): Promise<Buffer> {
  const hashes = fromJson(file.chunks_json);
  const hash = hashes[index];
  if (hash === undefined || hashes.length !== chunkCount(file.size, file.chunk_size)) throw damaged(file);
  const row = await db.selectFrom('archive_chunk').select('bytes').where('hash', '=', hash).executeTakeFirst();
  if (!row) throw new AppError('ARCHIVE_NOT_ON_SERVER', { file: file.file_name });
  if (chunkHash(row.bytes) !== hash) throw damaged(file);
  const plain = openChunk(dataKey, file.id, index, index === hashes.length - 1, row.bytes);
  const expected = index === hashes.length - 1 ? file.size - file.chunk_size * index : file.chunk_size;
  if (!plain || plain.length !== expected) throw damaged(file);
  return plain;
}

/**
 * Reads the whole file once, a chunk at a time, and checks the SHA-256 of the original against
 * the one filed: ARCHIVE_DAMAGED unless every byte is as it was uploaded. Holds one chunk at a time.
 */
export async function verifyFile(db: Kysely<Database>, file: ArchiveFileRow, keys: PropertyKeys): Promise<void> {
  const dataKey = dataKeyOf(file, keys);
  const digest = createHash('sha256');
  const chunks = fromJson(file.chunks_json).length;
  for (let index = 0; index < chunks; index++) digest.update(await readChunk(db, file, dataKey, index));
  if (digest.digest('hex') !== file.sha256) throw damaged(file);
}
