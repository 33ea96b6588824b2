/**
 * The archive's encrypted chunks between this desk and the server (issue 15). To be written:
 * uploading the chunks of files filed here after their rows are pushed, and fetching the chunks of
 * a file opened here from the server.
 */
import { AppError } from '@shared/errors';
import type { SyncHost } from './host';
import type { Link } from './http';

export async function fetchChunks(
  _services: SyncHost,
  link: Link | null,
  _hashes: readonly string[],
  _fileName: string,
): Promise<void> {
  if (!link) throw new AppError('SYNC_NOT_ENROLLED');
  throw new AppError('SYNC_UNREACHABLE');
}
