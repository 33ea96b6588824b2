/**
 * Brings a database up to the known migrations, after checking that what it already has
 * applied is a prefix of them (a database written by a newer or diverged build is refused).
 *
 * Each migration runs in its own transaction together with its row in `kysely_migration`
 * (SQLite's DDL is transactional), so a migration that fails or is killed half-way leaves the
 * database exactly as it was before it, and the next start continues from there. Kysely's
 * Migrator is not used to apply them: on SQLite it runs every migration without a transaction
 * (its adapter reports no transactional DDL), and wrapping it is impossible because it takes
 * the single connection itself. The table keeps Kysely's layout, so older databases read as before.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations';

export type MigrationList = ReadonlyArray<readonly [name: string, migration: Migration]>;

export class MigrationDivergenceError extends Error {
  constructor(
    readonly applied: readonly string[],
    readonly known: readonly string[],
  ) {
    super(
      `This database was written by a different version of Yingbin: its migrations [${applied.join(', ')}] ` +
        `are not a prefix of the ones this build knows [${known.join(', ')}]. ` +
        'Install the newer version of Yingbin, or restore a backup made by this version.',
    );
    this.name = 'MigrationDivergenceError';
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    readonly lastApplied: string | null,
    override readonly cause: unknown,
  ) {
    super(
      `Migration ${migration} failed and was rolled back: the database is unchanged, still at ` +
        `${lastApplied ?? 'no migrations'}. The next start tries it again. Cause: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationFailedError';
  }
}

export interface MigrateOptions {
  /** The migrations to apply; the shipped list unless a test supplies its own. */
  migrations?: MigrationList;
  /**
   * Runs once before the first pending migration of a database that already has migrations
   * applied (a brand-new database has nothing to lose). The desk takes a verified backup here.
   */
  beforeFirstPending?: (applied: readonly string[], pending: readonly string[]) => Promise<void>;
}

export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const table = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Throws unless the applied migrations are a prefix of the ones this build knows. */
export function assertKnownPrefix(applied: readonly string[], migrations: MigrationList = MIGRATIONS): void {
  const known = migrations.map(([name]) => name);
  if (applied.length > known.length || applied.some((name, index) => known[index] !== name)) {
    throw new MigrationDivergenceError(applied, known);
  }
}

export async function migrateToLatest(db: Kysely<unknown>, options: MigrateOptions = {}): Promise<void> {
  const migrations = options.migrations ?? MIGRATIONS;
  const applied = await appliedMigrations(db);
  assertKnownPrefix(applied, migrations);
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return;
  if (applied.length > 0 && options.beforeFirstPending) {
    await options.beforeFirstPending(
      applied,
      pending.map(([name]) => name),
    );
  }
  await sql`CREATE TABLE IF NOT EXISTS kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(
    db,
  );
  let lastApplied = applied.at(-1) ?? null;
  for (const [name, migration] of pending) {
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx);
        await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(
          trx,
        );
      });
    } catch (error) {
      throw new MigrationFailedError(name, lastApplied, error);
    }
    lastApplied = name;
  }
}
