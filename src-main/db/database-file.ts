/**
 * A cheap look at the database file before SQLite opens it: a file cut short (a copy that
 * stopped, a full disk, a bad sector at the end) would otherwise open, migrate "nothing pending"
 * and fail later on the first page past its end — or, cut to nothing or gone, start as a
 * brand-new desk asking for setup beside the keys and backups of the one that was there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_FILE, VAULT_KEYCHAIN_FILE, VAULT_TEST_FILE } from '../vault/secret-store';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export class DatabaseTruncatedError extends Error {
  constructor(
    readonly file: string,
    readonly bytes: number,
    readonly expectedBytes: number | null,
  ) {
    super(
      `The database ${file} is cut short: ${bytes} bytes${expectedBytes === null ? '' : ` of the ${expectedBytes} its header records`}.`,
    );
    this.name = 'DatabaseTruncatedError';
  }
}

export class DatabaseMissingError extends Error {
  constructor(readonly file: string) {
    super(`The database ${file} is gone, but a desk has run in this data folder (its key store is there).`);
    this.name = 'DatabaseMissingError';
  }
}

/** Files a desk writes on its first start: an empty database beside them was not a new desk. */
function deskHasStarted(dataDir: string): boolean {
  return [VAULT_TEST_FILE, VAULT_KEYCHAIN_FILE, TOKEN_FILE, `${TOKEN_FILE}.enc`].some((name) =>
    fs.existsSync(path.join(dataDir, name)),
  );
}

/**
 * Throws DatabaseTruncatedError when the file is shorter than the page count its header records
 * (or empty), DatabaseMissingError when it is gone, in a folder where a desk has started.
 */
export function assertWholeDatabaseFile(dataDir: string, file: string): void {
  if (!fs.existsSync(file)) {
    if (deskHasStarted(dataDir)) throw new DatabaseMissingError(file);
    return;
  }
  const bytes = fs.statSync(file).size;
  if (bytes === 0) {
    if (deskHasStarted(dataDir)) throw new DatabaseTruncatedError(file, 0, null);
    return;
  }
  const header = Buffer.alloc(HEADER_BYTES);
  const handle = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(handle, header, 0, HEADER_BYTES, 0);
  } finally {
    fs.closeSync(handle);
  }
  // Not SQLite at all: SQLite itself says so ("file is not a database").
  if (
    !header
      .subarray(0, Math.min(read, SQLITE_MAGIC.length))
      .equals(SQLITE_MAGIC.subarray(0, Math.min(read, SQLITE_MAGIC.length)))
  )
    return;
  if (read < HEADER_BYTES) throw new DatabaseTruncatedError(file, bytes, null);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The header's page count is valid only while its change counter matches "version valid for".
  const countValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (countValid && bytes < pages * pageSize) throw new DatabaseTruncatedError(file, bytes, pages * pageSize);
}
