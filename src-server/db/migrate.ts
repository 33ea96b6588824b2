/** Brings the server database up to its known migrations (Kysely refuses a database that applied unknown ones). */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations';

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(Object.fromEntries(MIGRATIONS)),
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
