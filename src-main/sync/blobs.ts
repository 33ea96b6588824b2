/**
 * The archive's encrypted chunks between this desk and the server (issue 15). Only ciphertext
 * travels, named by the SHA-256 of its bytes.
 *
 * Upload (a step of each sync run, after push): the chunks not yet acknowledged that a filed file
 * names whose row has reached the server (it carries a server_version; the server takes a chunk
 * only when a live file of the property names it). The server is asked which it lacks; those are
 * sent one at a time and each is marked uploaded as soon as the server acknowledges it, so an
 * upload cut short goes on where it stopped. Staged chunks of an upload never filed stay here.
 *
 * Fetch (when a file uploaded elsewhere is opened here): each chunk this desk lacks, checked
 * against its hash before it is kept.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '@shared/errors';
import {
  BLOB_DEVICE_HEADER,
  BLOB_SCHEMA_HEADER,
  DESK_SCHEMA_VERSION,
  type BlobMissingResponse,
  type SyncErrorBody,
} from '@shared/sync/protocol';
import { transportAllowed } from '@shared/sync/transport';
import { missingChunks, putChunks } from '../services/archive/store';
import type { SyncHost } from './host';
import { postJson, SyncHttpError, type Link } from './http';

/** At most this many hashes per /blobs/missing question (the server's limit). */
const MISSING_BATCH = 1000;
/** A chunk is at most 1 MiB and a bit: a minute is plenty even on a slow line. */
const CHUNK_TIMEOUT_MS = 60_000;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** One raw request for a chunk (PUT or GET), its failures classified as postJson classifies them. */
async function blobRequest(
  link: Link,
  deviceId: string,
  method: 'PUT' | 'GET',
  hash: string,
  body?: Buffer,
): Promise<Buffer> {
  if (!transportAllowed(link.serverUrl, link.allowInsecure)) throw new SyncHttpError('insecure', 'SYNC_INSECURE_URL');
  let response: Response;
  let bytes: Buffer;
  try {
    response = await fetch(new URL(`/blobs/${hash}`, link.serverUrl), {
      method,
      headers: {
        authorization: `Bearer ${link.token}`,
        [BLOB_DEVICE_HEADER]: deviceId,
        [BLOB_SCHEMA_HEADER]: String(DESK_SCHEMA_VERSION),
        ...(body && { 'content-type': 'application/octet-stream' }),
      },
      ...(body && { body: new Uint8Array(body) }),
      signal: AbortSignal.timeout(CHUNK_TIMEOUT_MS),
      redirect: 'error',
    });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch {
    throw new SyncHttpError('network', 'NETWORK');
  }
  if (response.ok) return bytes;
  if (response.status === 429) throw new SyncHttpError('server', 'RATE_LIMITED');
  if (response.status >= 500) throw new SyncHttpError('server', 'SERVER_ERROR');
  let error: SyncErrorBody | null = null;
  try {
    error = JSON.parse(bytes.toString('utf8')) as SyncErrorBody;
  } catch {
    // Not a protocol answer (a proxy's page): a refusal all the same.
  }
  throw new SyncHttpError('refused', typeof error?.error === 'string' ? error.error : 'BAD_REQUEST', error);
}

/**
 * Brings the named chunks this desk lacks from the server, each checked against its hash, and
 * keeps them as held by the server (uploaded). SYNC_NOT_ENROLLED without a server,
 * SYNC_UNREACHABLE when it cannot be reached, ARCHIVE_NOT_ON_SERVER when it does not hold a chunk
 * (the uploading desk has not sent it yet), ARCHIVE_DAMAGED when what comes back is not the chunk.
 */
export async function fetchChunks(
  services: SyncHost,
  link: Link | null,
  hashes: readonly string[],
  fileName: string,
): Promise<void> {
  if (!link) throw new AppError('SYNC_NOT_ENROLLED');
  for (const hash of await missingChunks(services.db, hashes)) {
    let bytes: Buffer;
    try {
      bytes = await blobRequest(link, services.device.id, 'GET', hash);
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
      if (error.code === 'ARCHIVE_NOT_ON_SERVER') throw new AppError('ARCHIVE_NOT_ON_SERVER', { file: fileName });
      if (error.kind === 'insecure') throw new AppError('SYNC_INSECURE_URL');
      // The desk itself refused (revoked, on an old version): said as such, not as a network failure.
      if (error.code === 'DEVICE_REVOKED' || error.code === 'UPGRADE_REQUIRED') throw new AppError(error.code);
      throw new AppError('SYNC_UNREACHABLE');
    }
    if (sha256(bytes) !== hash) throw new AppError('ARCHIVE_DAMAGED', { file: fileName });
    await putChunks(services.db, [{ hash, bytes }], services.clock.now());
    await services.db.updateTable('archive_chunk').set({ uploaded: 1 }).where('hash', '=', hash).execute();
  }
}

/** The chunks still to upload: not acknowledged, and named by a filed file whose row the server holds. */
async function chunksToUpload(services: SyncHost): Promise<string[]> {
  const rows = await sql<{ hash: string }>`
    SELECT DISTINCT c.hash FROM archive_chunk c
    JOIN archive_file f ON f.server_version IS NOT NULL
    JOIN json_each(f.chunks_json) j ON j.value = c.hash
    WHERE c.uploaded = 0
    ORDER BY f.uploaded_at, f.id, j.key`.execute(services.db);
  return rows.rows.map((row) => row.hash);
}

async function markUploaded(services: SyncHost, hashes: readonly string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += 500)
    await services.db
      .updateTable('archive_chunk')
      .set({ uploaded: 1 })
      .where('hash', 'in', hashes.slice(i, i + 500))
      .execute();
}

/**
 * The upload step of a sync run: what the server lacks of the chunks to upload, one at a time.
 * A network or server failure ends the step for this run (the next run goes on from there); a
 * chunk the server refuses (its file was refused) stays unacknowledged; a refusal of the desk
 * itself (revoked, upgrade required) is the run's to act on. Returns how many chunks were sent.
 */
export async function uploadChunks(services: SyncHost, link: Link): Promise<number> {
  let sent = 0;
  try {
    const pending = await chunksToUpload(services);
    for (let i = 0; i < pending.length; i += MISSING_BATCH) {
      const batch = pending.slice(i, i + MISSING_BATCH);
      const { missing } = await postJson<BlobMissingResponse>(
        link,
        '/blobs/missing',
        { deviceId: services.device.id, schemaVersion: DESK_SCHEMA_VERSION, hashes: batch },
        link.token,
      );
      const lacking = new Set(missing);
      await markUploaded(
        services,
        batch.filter((hash) => !lacking.has(hash)),
      );
      for (const hash of batch.filter((h) => lacking.has(h))) {
        const row = await services.db
          .selectFrom('archive_chunk')
          .select('bytes')
          .where('hash', '=', hash)
          .executeTakeFirst();
        if (!row) continue;
        try {
          await blobRequest(link, services.device.id, 'PUT', hash, row.bytes);
        } catch (error) {
          if (
            error instanceof SyncHttpError &&
            (error.code === 'BLOB_UNREFERENCED' || error.code === 'BLOB_HASH_MISMATCH')
          )
            continue;
          throw error;
        }
        await markUploaded(services, [hash]);
        sent += 1;
      }
    }
  } catch (error) {
    if (error instanceof SyncHttpError && error.retryable) return sent;
    throw error;
  }
  return sent;
}
