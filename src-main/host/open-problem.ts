/** What went wrong when the desk database would not open, sorted into the kinds the recovery screen explains in plain words. */
import type { RecoveryProblem, RecoveryProblemKind } from '@shared/contract';
import { DatabaseMissingError, DatabaseTruncatedError } from '../db/database-file';
import { MigrationDivergenceError, MigrationFailedError } from '../db/migrate';

/** SQLite's extended codes (SqliteError.code) and Node's errno codes, by what they mean to the person at the desk. */
const BY_CODE: ReadonlyArray<readonly [RegExp, RecoveryProblemKind]> = [
  [/^SQLITE_(CORRUPT|NOTADB)/, 'damaged'],
  [/^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EPERM|EROFS)/, 'read-only'],
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)/, 'disk-full'],
];

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function kindOf(error: unknown): RecoveryProblemKind {
  if (error instanceof DatabaseTruncatedError) return 'truncated';
  if (error instanceof DatabaseMissingError) return 'missing';
  if (error instanceof MigrationDivergenceError) return 'newer-version';
  // A migration that ran out of disk rolled back: the disk is the problem to fix, not the migration.
  if (error instanceof MigrationFailedError)
    return kindOf(error.cause) === 'disk-full' ? 'disk-full' : 'migration-failed';
  const code = codeOf(error);
  return BY_CODE.find(([pattern]) => pattern.test(code))?.[1] ?? 'unknown';
}

export function describeOpenFailure(error: unknown, dataDir: string): RecoveryProblem {
  return { kind: kindOf(error), detail: error instanceof Error ? error.message : String(error), dataDir };
}
