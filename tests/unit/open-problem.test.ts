/** Why a desk database would not open, as the recovery screen explains it: SQLite's and the system's codes sorted into plain kinds. */
import { describe, expect, it } from 'vitest';
import { DatabaseMissingError, DatabaseTruncatedError } from '../../src-main/db/database-file';
import { MigrationDivergenceError, MigrationFailedError } from '../../src-main/db/migrate';
import { describeOpenFailure } from '../../src-main/host/open-problem';

/** An error as better-sqlite3 or Node raise it: a message and a code. */
function coded(code: string): Error {
  return Object.assign(new Error(`failed with ${code}`), { code });
}

describe('the kind of problem a failed open is', () => {
  it.each([
    [new DatabaseTruncatedError('/d/yingbin.db', 8192, 569_344), 'truncated'],
    [new DatabaseMissingError('/d/yingbin.db'), 'missing'],
    [coded('SQLITE_CORRUPT'), 'damaged'],
    [coded('SQLITE_NOTADB'), 'damaged'],
    [coded('SQLITE_READONLY'), 'read-only'],
    [coded('SQLITE_READONLY_DIRECTORY'), 'read-only'],
    [coded('SQLITE_CANTOPEN'), 'read-only'],
    [coded('EACCES'), 'read-only'],
    [coded('EROFS'), 'read-only'],
    [coded('SQLITE_FULL'), 'disk-full'],
    [coded('ENOSPC'), 'disk-full'],
    [new MigrationDivergenceError(['a', 'z'], ['a', 'b']), 'newer-version'],
    [new MigrationFailedError('b', 'a', coded('SQLITE_FULL')), 'disk-full'],
    [new MigrationFailedError('b', 'a', new Error('no such table: x')), 'migration-failed'],
    [coded('SQLITE_IOERR'), 'unknown'],
    ['a thrown string', 'unknown'],
  ] as const)('%s → %s', (error, kind) => {
    expect(describeOpenFailure(error, '/d')).toMatchObject({ kind, dataDir: '/d' });
  });

  it('keeps the technical message for support', () => {
    expect(describeOpenFailure(coded('SQLITE_CORRUPT'), '/d').detail).toBe('failed with SQLITE_CORRUPT');
  });
});
