/**
 * The backup files in a folder, pruning, and restore: a backup replaces the desk database (the
 * app closed, or the recovery screen while the database cannot be opened) only after it has been
 * decrypted, checked whole and found to be a database this build can open; the replaced database
 * is kept beside it, never deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { BackupFile } from '@shared/contract';
import { AppError } from '@shared/errors';
import { recoveryEnvelope, type RecoveryEnvelope } from '@shared/rules/passphrase';
import { BACKUP_NAME, checkSnapshot, fileStamp, removeStaged, SEALED_SUFFIX, stampToIso } from '../../db/backup-file';
import { DATABASE_FILE } from '../../db/connection';
import { createOwnerFile, ensureOwnerFolder, restrictFile } from '../../db/file-access';
import { assertKnownPrefix, MigrationDivergenceError } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { readBackupHeader, unsealBackup } from '../../db/sealed-backup';
import { newKey, subkey } from '../../vault/crypto';
import { unwrapWithPassphrase } from '../../vault/recovery';
import type { SecretStore } from '../../vault/secret-store';
import { Vault } from '../../vault/vault';
import { markRestored } from '../device';
import { recoverAuditKey } from '../audit/escrow';

export function isSealedBackup(file: string): boolean {
  return file.endsWith(SEALED_SUFFIX);
}

export function listBackups(folder: string): BackupFile[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const match = BACKUP_NAME.exec(name);
      if (!match) return [];
      const file = path.join(folder, name);
      return [{ file, at: stampToIso(match[1]!), bytes: fs.statSync(file).size, encrypted: isSealedBackup(name) }];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** The backups of several folders (the same folder named twice counts once), newest first. */
export function listBackupsIn(folders: readonly string[]): BackupFile[] {
  return [...new Set(folders.map((folder) => path.resolve(folder)))]
    .flatMap(listBackups)
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Deletes all but the newest `keep` backups in the folder. */
export function pruneBackups(folder: string, keep: number): void {
  for (const old of listBackups(folder).slice(keep)) fs.rmSync(old.file);
}

export interface RestoreOptions {
  /** The property's recovery passphrase: it opens the backup (and proves the person restoring knows it). */
  passphrase: string;
  /**
   * The data folder's key store: the restored desk's keys are written into it. Null leaves the
   * store as it is (the command line cannot reach the app's OS keychain; the app then asks for the passphrase).
   */
  keyStore: SecretStore | null;
  at: Date;
  nativeBinding?: string;
}

export interface RestoreOutcome {
  replacedBy: string;
  keptAs: string | null;
  /** Whether the property key was written into the key store (a backup from before the vault has none). */
  keysRestored: boolean;
}

interface RestoredFacts {
  envelope: RecoveryEnvelope | null;
  lastAuditSeq: number;
}

/** Opens the staged restore read-only for the facts the restore needs, and hands it to `use`. */
async function withRestored<T>(
  staged: string,
  nativeBinding: string | undefined,
  use: (db: Kysely<Database>, facts: RestoredFacts) => Promise<T>,
): Promise<T> {
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: new BetterSqlite3(staged, { readonly: true, fileMustExist: true, nativeBinding }),
    }),
  });
  try {
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('property')`.execute(db);
    const row = columns.rows.some((c) => c.name === 'key_envelope')
      ? (await sql<{ key_envelope: string | null }>`SELECT key_envelope FROM property`.execute(db)).rows[0]
      : undefined;
    const last = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return await use(db, {
      envelope: row?.key_envelope ? recoveryEnvelope.parse(JSON.parse(row.key_envelope)) : null,
      lastAuditSeq: Number(last?.seq ?? 0),
    });
  } finally {
    await db.destroy();
  }
}

function withWritable(
  staged: string,
  nativeBinding: string | undefined,
  use: (sqlite: BetterSqlite3.Database) => void,
): void {
  const sqlite = new BetterSqlite3(staged, { fileMustExist: true, nativeBinding });
  try {
    use(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Decrypts (or copies) the backup into the staged file and returns the property key it opens with, if any. */
async function stageBackup(backupFile: string, staged: string, options: RestoreOptions): Promise<Buffer | null> {
  if (isSealedBackup(backupFile)) {
    const header = await readBackupHeader(backupFile);
    const propertyKey = await unwrapWithPassphrase(header.envelope, options.passphrase);
    if (!propertyKey) throw new AppError('PASSPHRASE_WRONG');
    await unsealBackup(backupFile, subkey(propertyKey, 'backup'), staged);
    return propertyKey;
  }
  if (!fs.existsSync(backupFile)) throw new AppError('BACKUP_DAMAGED', { file: backupFile });
  createOwnerFile(staged);
  fs.copyFileSync(backupFile, staged);
  return null;
}

/**
 * Replaces the desk database with a backup. Nothing changes unless the passphrase opens the
 * backup (PASSPHRASE_WRONG), the backup decrypts whole and passes integrity_check
 * (BACKUP_DAMAGED) and this build knows its migrations (BACKUP_NEWER_VERSION). The replaced
 * database (and its WAL) is kept as `yingbin.db.replaced-<time>`. The restored desk's keys go
 * into the key store: the property key, and its audit key from the escrow in the restored database.
 */
export async function restoreBackup(
  dataDir: string,
  backupFile: string,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  ensureOwnerFolder(dataDir);
  const staged = path.join(dataDir, `yingbin-restore-${fileStamp(options.at)}.staged`);
  try {
    let propertyKey = await stageBackup(backupFile, staged, options);
    try {
      assertKnownPrefix(checkSnapshot(staged, options.nativeBinding));
    } catch (error) {
      if (error instanceof MigrationDivergenceError) throw new AppError('BACKUP_NEWER_VERSION', { file: backupFile });
      throw error;
    }
    const audit = await withRestored(staged, options.nativeBinding, async (db, facts) => {
      if (!propertyKey && facts.envelope) {
        // A plain backup of a property that has a key: the passphrase must open that key too.
        propertyKey = await unwrapWithPassphrase(facts.envelope, options.passphrase);
        if (!propertyKey) throw new AppError('PASSPHRASE_WRONG');
      }
      // The restored desk's own audit key from its escrow; a desk that never held the property key has none and starts a new one where its trail ends.
      return (
        (propertyKey && (await recoverAuditKey(db, propertyKey))) ?? { key: newKey(), fromSeq: facts.lastAuditSeq + 1 }
      );
    });

    const target = path.join(dataDir, DATABASE_FILE);
    let keptAs: string | null = null;
    if (fs.existsSync(target)) {
      // Kept as it is, with its WAL beside it under the matching name, so it still opens whole.
      keptAs = `${target}.replaced-${fileStamp(options.at)}`;
      fs.renameSync(target, keptAs);
      if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${keptAs}-wal`);
      fs.rmSync(`${target}-shm`, { force: true });
    }
    // Nothing it makes next may carry a number it gave out after the backup was taken (see services/device.ts).
    withWritable(staged, options.nativeBinding, markRestored);
    fs.renameSync(staged, target);
    restrictFile(target);
    const keysRestored = propertyKey !== null && options.keyStore !== null;
    if (keysRestored) await Vault.restore(options.keyStore!, { propertyKey: propertyKey!, audit });
    return { replacedBy: backupFile, keptAs, keysRestored };
  } finally {
    removeStaged(staged);
  }
}
