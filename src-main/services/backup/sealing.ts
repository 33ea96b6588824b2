/** The keys an encrypted backup is made with: the property key's 'backup' subkey and its recovery envelope, from the desk's vault. */
import { sql, type Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';
import type { BackupSealing } from '../../db/sealed-backup';
import type { SecretStore } from '../../vault/secret-store';
import { Vault } from '../../vault/vault';
import { propertyEnvelope } from '../../vault/recovery';

/** VAULT_UNSET before the property has a key, VAULT_LOCKED while this desk does not hold it. */
export async function backupSealing(vault: Vault, db: Kysely<Database>, deviceId: string): Promise<BackupSealing> {
  const keys = await vault.open(db);
  const envelope = await propertyEnvelope(db);
  if (!envelope) throw new AppError('VAULT_UNSET');
  return { backupKey: keys.key('backup'), keyId: keys.keyId, envelope, deviceId };
}

/**
 * The same before migrating, when no service exists yet and the schema may predate the vault:
 * null when the database has no key columns yet, the store holds nothing, or the desk does not hold the key.
 */
export function preMigrationSealing(store: SecretStore): (db: Kysely<Database>) => Promise<BackupSealing | null> {
  return async (db) => {
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('property')`.execute(db);
    if (!columns.rows.some((column) => column.name === 'key_envelope')) return null;
    // An empty store would make Vault.load create a desk's first audit key: that is the first start's job.
    if (!(await store.read())) return null;
    const vault = await Vault.load(store, db);
    if ((await vault.state(db)) !== 'open') return null;
    const device = await db.selectFrom('device').select('id').executeTakeFirst();
    return device ? backupSealing(vault, db, device.id) : null;
  };
}
