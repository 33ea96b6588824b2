/**
 * The audit key's escrow: this desk's audit key and the first entry it chains, sealed under the
 * property key's escrow subkey on the desk's device row. The vault keeps the key itself (the OS
 * keychain, which does not move to another PC); the escrow lets a desk restored from a backup on
 * a new PC, given the recovery passphrase, verify its chain again. Sealed each time the desk comes
 * to hold the property key (setup, creating the vault, unlocking it with the passphrase).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { open, seal, subkey } from '../../vault/crypto';
import type { Vault } from '../../vault/vault';
import type { AuditKey } from './chain';

const escrowed = z.object({ v: z.literal(1), key: z.string().min(1), fromSeq: z.number().int().positive() });

/** Bound to the device: an escrow copied onto another desk's row does not open. */
const context = (deviceId: string) => `yingbin/v1/device.audit_key_sealed/${deviceId}`;

/** Seals this desk's audit key onto its device row; the desk must hold the property key (VAULT_LOCKED otherwise). In the caller's transaction. */
export async function sealAuditKey(
  db: Kysely<Database>,
  services: { vault: Vault; device: { id: string } },
): Promise<void> {
  const keys = await services.vault.open(db);
  const { key, fromSeq } = services.vault.audit;
  const plaintext = Buffer.from(
    JSON.stringify({ v: 1, key: key.toString('base64'), fromSeq } satisfies z.infer<typeof escrowed>),
    'utf8',
  );
  const sealed = seal(keys.key('escrow'), plaintext, context(services.device.id));
  await db
    .updateTable('device')
    .set({ audit_key_sealed: sealed.toString('base64') })
    .where('id', '=', services.device.id)
    .execute();
}

/**
 * For a restore on a new PC: the restored desk's audit key, opened from the escrow in the restored
 * database with the property key (unwrapped with the recovery passphrase). Null when the database
 * holds no escrow (the desk never held the property key) or this property key did not seal it.
 */
export async function recoverAuditKey(db: Kysely<Database>, propertyKey: Buffer): Promise<AuditKey | null> {
  const device = await db.selectFrom('device').select(['id', 'audit_key_sealed']).executeTakeFirst();
  if (!device?.audit_key_sealed) return null;
  const plaintext = open(
    subkey(propertyKey, 'escrow'),
    Buffer.from(device.audit_key_sealed, 'base64'),
    context(device.id),
  );
  if (!plaintext) return null;
  const parsed = escrowed.safeParse(JSON.parse(plaintext.toString('utf8')));
  return parsed.success ? { key: Buffer.from(parsed.data.key, 'base64'), fromSeq: parsed.data.fromSeq } : null;
}
