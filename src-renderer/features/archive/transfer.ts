/**
 * Moving an archive file's bytes between the renderer and the desk, a chunk at a time: an upload
 * is sliced from the File (never read whole), each slice base64 over the call; a read gathers the
 * plaintext chunks of an open read into one Uint8Array held only in memory by the viewer or the
 * download, and checks it against the SHA-256 the desk verified.
 */
import { UPLOADABLE_TYPES, type ArchivePolicy, type ArchiveRead, type ArchiveTier } from '@shared/contract/archive';
import { call } from '../../api/client';

type UploadableType = (typeof UPLOADABLE_TYPES)[number];

/** Browsers leave `type` empty for some Office files; the extension decides then. */
const BY_EXTENSION: Record<string, UploadableType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mediaTypeOf(file: { name: string; type: string }): UploadableType | null {
  if ((UPLOADABLE_TYPES as readonly string[]).includes(file.type)) return file.type as UploadableType;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** Why a picked file is refused before anything is sent, or null when it may be uploaded. */
export type FileProblem = 'empty' | 'tooLarge' | 'unsupported';

export function fileProblem(file: File, policy: ArchivePolicy): FileProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > policy.maxFileMb * 1024 * 1024) return 'tooLarge';
  if (!mediaTypeOf(file)) return 'unsupported';
  return null;
}

const SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  }
  return btoa(binary);
}

function fromBase64Into(data: string, target: Uint8Array, offset: number): number {
  const binary = atob(data);
  if (offset + binary.length > target.length) throw new Error('archive read longer than announced');
  for (let i = 0; i < binary.length; i++) target[offset + i] = binary.charCodeAt(i);
  return binary.length;
}

export class TransferCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'TransferCancelled';
  }
}

export interface Progress {
  done: number;
  total: number;
}

/**
 * Uploads `file` for `tier` and returns the upload's id, to be filed by the tier's mutation. The
 * caller has checked the file (fileProblem); the desk checks again. Stops between chunks when
 * `signal` aborts; what was staged is dropped by the desk when never filed.
 */
export async function uploadFile(
  file: File,
  tier: Extract<ArchiveTier, 'contract' | 'customer'>,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<string> {
  const mediaType = mediaTypeOf(file);
  if (!mediaType) throw new Error('unsupported file type');
  const upload = await call('archive.upload.begin', { tier, fileName: file.name, mediaType, size: file.size });
  onProgress({ done: 0, total: upload.chunks });
  for (let index = 0; index < upload.chunks; index++) {
    if (signal.aborted) throw new TransferCancelled();
    const start = index * upload.chunkSize;
    const bytes = new Uint8Array(await file.slice(start, start + upload.chunkSize).arrayBuffer());
    await call('archive.upload.chunk', { uploadId: upload.uploadId, index, data: toBase64(bytes) });
    onProgress({ done: index + 1, total: upload.chunks });
  }
  return upload.uploadId;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  // Only in a secure context; the desk has checked the whole file before the read was opened anyway.
  if (!globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The plaintext of an open read, and whether this renderer re-computed its SHA-256 and found it equal. */
export interface ReadBytes {
  bytes: Uint8Array<ArrayBuffer>;
  /** True: hashed here and equal; null: this renderer cannot hash (the desk's check stands). */
  checkedHere: boolean | null;
}

export class ReadMismatch extends Error {
  constructor() {
    super('the plaintext read does not match the archived SHA-256');
    this.name = 'ReadMismatch';
  }
}

/** Reads every chunk of an open read, in order, into one buffer; throws ReadMismatch when the bytes are not the archived file. */
export async function readAll(
  read: ArchiveRead,
  onProgress: (progress: Progress) => void,
  signal: AbortSignal,
): Promise<ReadBytes> {
  const bytes = new Uint8Array(read.size);
  let offset = 0;
  onProgress({ done: 0, total: read.chunks });
  for (let index = 0; index < read.chunks; index++) {
    if (signal.aborted) throw new TransferCancelled();
    const { data } = await call('archive.read', { readId: read.readId, index });
    offset += fromBase64Into(data, bytes, offset);
    onProgress({ done: index + 1, total: read.chunks });
  }
  if (offset !== read.size) throw new ReadMismatch();
  const hash = await sha256Hex(bytes);
  if (hash !== null && hash !== read.sha256.toLowerCase()) throw new ReadMismatch();
  return { bytes, checkedHere: hash === null ? null : true };
}
