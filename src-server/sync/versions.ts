/**
 * One transaction per push request, serialised per property. Every row write takes the next
 * version of the property's counter; because writers of a property hold its row lock until they
 * commit (PostgreSQL: SELECT … FOR UPDATE; SQLite: the single write lock), versions become
 * visible in order, so a pull cursor (`version > cursor`) never steps over a later commit.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';

export interface PropertyLock {
  foundingDeviceId: string;
  /** The next version of the property's counter; one per row write. */
  nextVersion(): number;
}

export async function inPropertyTransaction<T>(
  server: ServerDatabase,
  propertyId: string,
  work: (db: Kysely<Database>, lock: PropertyLock) => Promise<T>,
): Promise<T> {
  return inTransaction(server, async (db) => {
    let query = db.selectFrom('property').select(['version', 'founding_device_id']).where('id', '=', propertyId);
    if (server.dialect === 'postgres') query = query.forUpdate();
    const property = await query.executeTakeFirstOrThrow();
    let version = property.version;
    const result = await work(db, { foundingDeviceId: property.founding_device_id, nextVersion: () => ++version });
    if (version !== property.version)
      await db.updateTable('property').set({ version }).where('id', '=', propertyId).execute();
    return result;
  });
}
