/**
 * The encrypted backup file (`yingbin-<time>.ybk`), streamed in and out chunk by chunk so a
 * database of any size never sits in memory:
 *
 *   "YBKUP\0\0\1" ‖ u32 header length ‖ header (JSON) ‖ chunk 0 ‖ … ‖ chunk n-1 ‖ "YBKEND\0\1" ‖ SHA-256
 *
 * The header says when and where the backup was made, at which schema, and carries the
 * property's recovery envelope, so a new PC unwraps the key with the passphrase alone. Each file
 * has its own random data key, sealed under the property key's 'backup' subkey: a passphrase
 * change or key re-wrap never touches old backups, and GCM's per-key limits apply per file.
 * Chunk i (1 MiB of the SQLite snapshot) is AES-256-GCM under the data key with the nonce
 * (file nonce ‖ i) and the AAD (SHA-256 of the header ‖ i ‖ last-chunk flag): a chunk moved,
 * dropped, repeated or cut off, or a header edited, fails its tag. The trailer's SHA-256 of
 * everything before it lets anyone without the key tell a damaged file (a bad disk, a copy cut
 * short) from an intact one; only the tags, with the key, tell an intact file from an altered one.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { AppError } from '@shared/errors';
import { recoveryEnvelope, type RecoveryEnvelope } from '@shared/rules/passphrase';
import { z } from 'zod';
import { newKey, open, seal } from '../vault/crypto';
import { createOwnerFile } from './file-access';

const MAGIC = Buffer.from('YBKUP\0\0\u0001', 'latin1');
const TRAILER_MAGIC = Buffer.from('YBKEND\0\u0001', 'latin1');
const TRAILER_BYTES = TRAILER_MAGIC.length + 32;
const TAG_BYTES = 16;
const FILE_NONCE_BYTES = 8;
const MAX_HEADER_BYTES = 64 * 1024;
export const CHUNK_BYTES = 1024 * 1024;

/** What encrypting a backup needs: the 'backup' subkey and what the header tells a new PC. */
export interface BackupSealing {
  backupKey: Buffer;
  keyId: string;
  envelope: RecoveryEnvelope;
  deviceId: string;
}

const backupHeader = z.strictObject({
  v: z.literal(1),
  createdAt: z.iso.datetime(),
  deviceId: z.string().max(64),
  schema: z.string().max(255),
  keyId: z.string().max(64),
  envelope: recoveryEnvelope,
  chunkBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024),
  plainBytes: z.number().int().min(0),
  nonce: z.base64().length(16),
  /** The file's data key sealed under the 'backup' subkey, bound to this file's nonce. */
  dataKey: z.base64(),
});
export type BackupHeader = z.infer<typeof backupHeader>;

function damaged(file: string): AppError {
  return new AppError('BACKUP_DAMAGED', { file });
}

const dataKeyContext = (nonce: string) => `yingbin/v1/backup-data-key/${nonce}`;

function chunkCount(header: BackupHeader): number {
  return Math.max(1, Math.ceil(header.plainBytes / header.chunkBytes));
}

function chunkNonce(fileNonce: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  fileNonce.copy(nonce, 0);
  nonce.writeUInt32BE(index, FILE_NONCE_BYTES);
  return nonce;
}

function chunkAad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(aad, 0);
  aad.writeUInt32BE(index, headerHash.length);
  aad.writeUInt8(last ? 1 : 0, headerHash.length + 4);
  return aad;
}

/** Encrypts a finished SQLite snapshot into an owner-only backup file; returns the snapshot's SHA-256. */
export async function sealBackup(
  snapshot: string,
  target: string,
  sealing: BackupSealing,
  schema: string,
  at: Date,
): Promise<Buffer> {
  const { size: plainBytes } = await fs.stat(snapshot);
  const dataKey = newKey();
  const fileNonce = randomBytes(FILE_NONCE_BYTES);
  const nonce = Buffer.concat([fileNonce, Buffer.alloc(4)]).toString('base64');
  const header: BackupHeader = {
    v: 1,
    createdAt: at.toISOString(),
    deviceId: sealing.deviceId,
    schema,
    keyId: sealing.keyId,
    envelope: sealing.envelope,
    chunkBytes: CHUNK_BYTES,
    plainBytes,
    nonce,
    dataKey: seal(sealing.backupKey, dataKey, dataKeyContext(nonce)).toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);

  createOwnerFile(target);
  const input = await fs.open(snapshot, 'r');
  const output = await fs.open(target, 'w');
  const fileHash = createHash('sha256');
  const plainHash = createHash('sha256');
  const write = async (bytes: Buffer) => {
    fileHash.update(bytes);
    await output.write(bytes);
  };
  try {
    await write(Buffer.concat([MAGIC, length, headerBytes]));
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const chunks = chunkCount(header);
    for (let index = 0; index < chunks; index++) {
      const length = Math.min(CHUNK_BYTES, plainBytes - index * CHUNK_BYTES);
      const { bytesRead } = await input.read(buffer, 0, length, index * CHUNK_BYTES);
      // The snapshot is complete before this starts; a file that changes meanwhile is not backed up.
      if (bytesRead !== length) throw new Error(`the snapshot ${snapshot} changed while it was being encrypted`);
      const plain = buffer.subarray(0, length);
      plainHash.update(plain);
      const cipher = createCipheriv('aes-256-gcm', dataKey, chunkNonce(fileNonce, index));
      cipher.setAAD(chunkAad(headerHash, index, index === chunks - 1));
      await write(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
    }
    await output.write(Buffer.concat([TRAILER_MAGIC, fileHash.digest()]));
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
  return plainHash.digest();
}

interface Layout {
  header: BackupHeader;
  headerHash: Buffer;
  /** Magic, length and header: the bytes before chunk 0. */
  prefix: Buffer;
}

async function readLayout(handle: fs.FileHandle, file: string): Promise<Layout> {
  const start = Buffer.alloc(MAGIC.length + 4);
  const { bytesRead } = await handle.read(start, 0, start.length, 0);
  if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged(file);
  const headerLength = start.readUInt32BE(MAGIC.length);
  if (headerLength > MAX_HEADER_BYTES) throw damaged(file);
  const headerBytes = Buffer.alloc(headerLength);
  const read = await handle.read(headerBytes, 0, headerLength, start.length);
  if (read.bytesRead < headerLength) throw damaged(file);
  let header: BackupHeader;
  try {
    header = backupHeader.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    throw damaged(file);
  }
  const prefix = Buffer.concat([start, headerBytes]);
  const expectedSize = prefix.length + header.plainBytes + chunkCount(header) * TAG_BYTES + TRAILER_BYTES;
  if ((await handle.stat()).size !== expectedSize) throw damaged(file);
  return { header, headerHash: createHash('sha256').update(headerBytes).digest(), prefix };
}

/**
 * Reads the chunks in order, one pass, handing each (ciphertext ‖ tag) to `onChunk`, and checks
 * the trailer's checksum of everything before it at the end.
 */
async function readChunks(
  handle: fs.FileHandle,
  file: string,
  layout: Layout,
  onChunk: (index: number, last: boolean, sealed: Buffer) => Promise<void>,
): Promise<void> {
  const { header, prefix } = layout;
  const fileHash = createHash('sha256').update(prefix);
  const buffer = Buffer.alloc(header.chunkBytes + TAG_BYTES);
  const chunks = chunkCount(header);
  let position = prefix.length;
  for (let index = 0; index < chunks; index++) {
    const length = Math.min(header.chunkBytes, header.plainBytes - index * header.chunkBytes) + TAG_BYTES;
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    if (bytesRead !== length) throw damaged(file);
    position += length;
    const sealed = buffer.subarray(0, length);
    fileHash.update(sealed);
    await onChunk(index, index === chunks - 1, sealed);
  }
  const trailer = Buffer.alloc(TRAILER_BYTES);
  const { bytesRead } = await handle.read(trailer, 0, TRAILER_BYTES, position);
  if (
    bytesRead !== TRAILER_BYTES ||
    !trailer.subarray(0, TRAILER_MAGIC.length).equals(TRAILER_MAGIC) ||
    !trailer.subarray(TRAILER_MAGIC.length).equals(fileHash.digest())
  ) {
    throw damaged(file);
  }
}

async function withFile<T>(file: string, use: (handle: fs.FileHandle) => Promise<T>): Promise<T> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    throw damaged(file);
  }
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

/** The header of a backup whose layout is whole; BACKUP_DAMAGED otherwise. Reads only the start. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  return withFile(file, async (handle) => (await readLayout(handle, file)).header);
}

/** Whether the file is whole and unchanged since it was written, by its trailer (no key needed). */
export async function checkBackupIntact(file: string): Promise<BackupHeader> {
  return withFile(file, async (handle) => {
    const layout = await readLayout(handle, file);
    await readChunks(handle, file, layout, async () => undefined);
    return layout.header;
  });
}

/**
 * Decrypts a backup with the property's 'backup' subkey in one pass, checking every chunk's tag
 * and the trailer. Writes the snapshot to `target` (owner-only) when given; returns its SHA-256.
 * BACKUP_DAMAGED for any damage or alteration; a partial `target` is removed.
 */
export async function unsealBackup(file: string, backupKey: Buffer, target: string | null): Promise<Buffer> {
  return withFile(file, async (handle) => {
    const layout = await readLayout(handle, file);
    const { header, headerHash } = layout;
    const dataKey = open(backupKey, Buffer.from(header.dataKey, 'base64'), dataKeyContext(header.nonce));
    if (!dataKey) throw damaged(file);
    const fileNonce = Buffer.from(header.nonce, 'base64').subarray(0, FILE_NONCE_BYTES);
    if (target) createOwnerFile(target);
    const output = target ? await fs.open(target, 'w') : null;
    const plainHash = createHash('sha256');
    try {
      await readChunks(handle, file, layout, async (index, last, sealed) => {
        const decipher = createDecipheriv('aes-256-gcm', dataKey, chunkNonce(fileNonce, index));
        decipher.setAAD(chunkAad(headerHash, index, last));
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        let plain: Buffer;
        try {
          plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
        } catch {
          throw damaged(file);
        }
        plainHash.update(plain);
        await output?.write(plain);
      });
      await output?.sync();
    } catch (error) {
      await output?.close();
      if (target) await fs.rm(target, { force: true });
      throw error;
    }
    await output?.close();
    return plainHash.digest();
  });
}
