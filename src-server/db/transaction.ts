/**
 * Transactions on one reserved connection. SQLite takes the write lock up front (BEGIN
 * IMMEDIATE) so a read-then-write transaction never fails to upgrade while another process (the
 * `code` command) writes; Kysely's SQLite driver has a single connection, so two requests never
 * interleave statements. PostgreSQL serialises writers of a property with a row lock instead.
 */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from './connection';
import type { Database } from './schema';

export async function inTransaction<T>(server: ServerDatabase, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return server.db.connection().execute(async (db) => {
    await sql.raw(server.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(db);
    let result: T;
    try {
      result = await work(db);
    } catch (error) {
      await sql`ROLLBACK`.execute(db);
      throw error;
    }
    await sql`COMMIT`.execute(db);
    return result;
  });
}
