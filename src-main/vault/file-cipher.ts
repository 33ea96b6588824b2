/**
 * Archived files, sealed a chunk at a time (issue 15). Each file has its own random 256-bit data
 * key; each chunk of at most ARCHIVE_CHUNK_BYTES is AES-256-GCM under it with a nonce made from the
 * chunk's position (a key seals one file only, so positions never repeat under a key) and, as
 * associated data, the file's id, the position and whether it is the last chunk: a chunk moved to
 * another file or place, or a file cut short, does not open. A sealed chunk is ciphertext ‖ tag and
 * is known by the SHA-256 of those bytes, which is how it is stored, synced and de-duplicated.
 * The data key is kept only sealed by the property's archive subkey, bound to the file's id.
 */
import { createCipheriv, createDecipheriv, createHash, randomUUID, type Hash } from 'node:crypto';
import { newKey, open, seal } from './crypto';

const TAG_BYTES = 16;

export interface SealedChunk {
  /** SHA-256 of the sealed bytes, hex. */
  hash: string;
  bytes: Buffer;
}

function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(Math.floor(index / 2 ** 32), 4);
  nonce.writeUInt32BE(index % 2 ** 32, 8);
  return nonce;
}

function aadOf(fileId: string, index: number, last: boolean): Buffer {
  return Buffer.from(`yingbin/archive/v1|${fileId}|${index}|${last ? 'last' : 'more'}`, 'utf8');
}

export function chunkCount(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

export function chunkHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function newDataKey(): Buffer {
  return newKey();
}

function keyContext(fileId: string): string {
  return `archive_file.wrapped_key:${fileId}`;
}

/** The data key sealed by the archive subkey, base64, bound to the file. */
export function wrapDataKey(archiveKey: Buffer, fileId: string, dataKey: Buffer): string {
  return seal(archiveKey, dataKey, keyContext(fileId)).toString('base64');
}

/** The data key, or null when the wrapped key was not made by this archive key for this file. */
export function unwrapDataKey(archiveKey: Buffer, fileId: string, wrapped: string): Buffer | null {
  return open(archiveKey, Buffer.from(wrapped, 'base64'), keyContext(fileId));
}

/** A chunk's sealed bytes (ciphertext ‖ tag): the AES-256-GCM step alone. */
export function encryptChunk(dataKey: Buffer, fileId: string, index: number, last: boolean, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonceOf(index));
  cipher.setAAD(aadOf(fileId, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function sealChunk(
  dataKey: Buffer,
  fileId: string,
  index: number,
  last: boolean,
  plain: Uint8Array,
): SealedChunk {
  const bytes = encryptChunk(dataKey, fileId, index, last, plain);
  return { hash: chunkHash(bytes), bytes };
}

/** The chunk's plaintext, or null when it was altered, moved, or sealed under another key. */
export function openChunk(
  dataKey: Buffer,
  fileId: string,
  index: number,
  last: boolean,
  sealed: Uint8Array,
): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', dataKey, nonceOf(index));
  decipher.setAAD(aadOf(fileId, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * Seals one file as its chunks arrive, in order, each exactly `chunkSize` bytes but the last: the
 * declared size fixes how many there are and which is last. Keeps the running SHA-256 of the
 * original and nothing else of it.
 */
export class FileSealer {
  readonly dataKey = newDataKey();
  readonly chunks: number;
  private readonly original: Hash = createHash('sha256');
  private next = 0;
  private digested: string | null = null;

  constructor(
    readonly fileId: string,
    readonly size: number,
    readonly chunkSize: number,
  ) {
    this.chunks = chunkCount(size, chunkSize);
  }

  /** How many chunks have been sealed. */
  get sealed(): number {
    return this.next;
  }

  get complete(): boolean {
    return this.next === this.chunks;
  }

  /** The length the chunk at `index` must have. */
  expectedLength(index: number): number {
    return index === this.chunks - 1 ? this.size - this.chunkSize * (this.chunks - 1) : this.chunkSize;
  }

  /** Seals the next chunk; false (nothing sealed) when it is not the next one or has the wrong length. */
  push(index: number, plain: Uint8Array): SealedChunk | false {
    if (index !== this.next || this.complete || plain.length !== this.expectedLength(index)) return false;
    this.original.update(plain);
    const sealed = sealChunk(this.dataKey, this.fileId, index, index === this.chunks - 1, plain);
    this.next += 1;
    return sealed;
  }

  /** SHA-256 of the original, hex; only once every chunk is in (asked again, the same answer). */
  digest(): string {
    if (!this.complete) throw new Error('file not complete');
    this.digested ??= this.original.digest('hex');
    return this.digested;
  }
}

/** A random id for an in-memory session (an upload, a read): unguessable, never stored. */
export function sessionId(): string {
  return randomUUID();
}
