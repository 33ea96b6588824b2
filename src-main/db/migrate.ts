/**
 * Brings a database up to the known migrations, after checking that what it already has
 * applied is a prefix of them (a database written by a newer or diverged build is refused).
 */
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations';

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

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(Object.fromEntries(MIGRATIONS)),
};

async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const table = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Throws unless the applied migrations are a prefix of the ones this build knows. */
export function assertKnownPrefix(applied: readonly string[]): void {
  const known = MIGRATIONS.map(([name]) => name);
  if (applied.length > known.length || applied.some((name, index) => known[index] !== name)) {
    throw new MigrationDivergenceError(applied, known);
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  assertKnownPrefix(await appliedMigrations(db));
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
