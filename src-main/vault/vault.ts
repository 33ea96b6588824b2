/**
 * The desk's key vault. It holds, wrapped by the OS keychain (a labelled test file in the harness):
 * - the property key: 256 random bits made when the property is founded, the root of every
 *   subkey that encrypts guests' ID numbers, backups and archived files. Other copies exist only
 *   wrapped by the recovery passphrase (the property row's envelope, which syncs, and every backup);
 * - this desk's audit key, which chains its audit trail (made on the desk's first start, so a desk
 *   that has not yet been given the property key still keeps a keyed trail), with the first
 *   entry it covers.
 * Nothing here is ever written to the database in clear.
 */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import type { VaultState } from '@shared/contract';
import type { Database } from '../db/schema';
import { keyId, newKey, subkey, type KeyPurpose } from './crypto';
import type { SecretStore } from './secret-store';

interface StoredKeys {
  v: 1;
  propertyKey: string | null;
  auditKey: string;
  auditFromSeq: number;
}

/** The subkeys of an open vault. */
export interface PropertyKeys {
  keyId: string;
  key(purpose: KeyPurpose): Buffer;
}

export class Vault {
  private readonly subkeys = new Map<KeyPurpose, Buffer>();

  private constructor(
    private readonly store: SecretStore,
    private stored: StoredKeys,
  ) {}

  /** Reads the desk's keys, making its audit key on the first start. */
  static async load(store: SecretStore, db: Kysely<Database>): Promise<Vault> {
    const text = await store.read();
    if (text) return new Vault(store, JSON.parse(text) as StoredKeys);
    const last = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const stored: StoredKeys = {
      v: 1,
      propertyKey: null,
      auditKey: newKey().toString('base64'),
      auditFromSeq: Number(last?.seq ?? 0) + 1,
    };
    await store.write(JSON.stringify(stored));
    return new Vault(store, stored);
  }

  get storeKind(): SecretStore['kind'] {
    return this.store.kind;
  }

  /** The key that chains this desk's audit trail, and the first entry it chained. */
  get audit(): { key: Buffer; fromSeq: number } {
    return { key: Buffer.from(this.stored.auditKey, 'base64'), fromSeq: this.stored.auditFromSeq };
  }

  /** Whether the property has a key, and whether this desk holds it. */
  async state(db: Kysely<Database>): Promise<VaultState> {
    const property = await db.selectFrom('property').select('key_id').executeTakeFirst();
    if (!property?.key_id) return 'unset';
    return this.heldKeyId() === property.key_id ? 'open' : 'locked';
  }

  /** The property's keys, or VAULT_LOCKED while this desk does not hold them. */
  async open(db: Kysely<Database>): Promise<PropertyKeys> {
    const state = await this.state(db);
    if (state !== 'open') throw new AppError(state === 'unset' ? 'VAULT_UNSET' : 'VAULT_LOCKED');
    return this.keys();
  }

  /**
   * A desk restored from a backup on a new PC: the property key (from the recovery passphrase)
   * and the restored desk's audit key (from its escrow in the restored database) replace what
   * this data folder's store held.
   */
  static async restore(
    store: SecretStore,
    keys: { propertyKey: Buffer; audit: { key: Buffer; fromSeq: number } },
  ): Promise<void> {
    const stored: StoredKeys = {
      v: 1,
      propertyKey: keys.propertyKey.toString('base64'),
      auditKey: keys.audit.key.toString('base64'),
      auditFromSeq: keys.audit.fromSeq,
    };
    await store.write(JSON.stringify(stored));
  }

  /** Keeps the property key on this desk (at founding, or given by the passphrase on a joining desk). */
  async adopt(propertyKey: Buffer): Promise<PropertyKeys> {
    await this.store.write(JSON.stringify({ ...this.stored, propertyKey: propertyKey.toString('base64') }));
    this.stored = { ...this.stored, propertyKey: propertyKey.toString('base64') };
    this.subkeys.clear();
    return this.keys();
  }

  /** The property key itself, only to wrap it again (a new passphrase, a backup's envelope). */
  propertyKey(): Buffer {
    if (!this.stored.propertyKey) throw new AppError('VAULT_LOCKED');
    return Buffer.from(this.stored.propertyKey, 'base64');
  }

  private heldKeyId(): string | null {
    return this.stored.propertyKey ? keyId(Buffer.from(this.stored.propertyKey, 'base64')) : null;
  }

  private keys(): PropertyKeys {
    const root = this.propertyKey();
    return {
      keyId: keyId(root),
      key: (purpose) => {
        let key = this.subkeys.get(purpose);
        if (!key) {
          key = subkey(root, purpose);
          this.subkeys.set(purpose, key);
        }
        return key;
      },
    };
  }
}
