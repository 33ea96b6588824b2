/**
 * The recovery envelope: the property key sealed under a key derived from the recovery passphrase
 * with argon2id (64 MiB, 3 passes: about a quarter second here, and as much per guess for anyone
 * holding a stolen copy). It travels with the property row and inside every backup.
 */
import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { recoveryEnvelope, type RecoveryEnvelope } from '@shared/rules/passphrase';
import type { Database } from '../db/schema';
import { keyId, KEY_BYTES, open, seal } from './crypto';

const KDF = { name: 'argon2id', memoryKiB: 65_536, passes: 3, lanes: 1 } as const;
const CONTEXT = 'yingbin/v1/recovery';

async function passphraseKey(passphrase: string, kdf: RecoveryEnvelope['kdf']): Promise<Buffer> {
  return Buffer.from(
    await hashRaw(passphrase.normalize('NFC'), {
      salt: Buffer.from(kdf.salt, 'base64'),
      memoryCost: kdf.memoryKiB,
      timeCost: kdf.passes,
      parallelism: kdf.lanes,
      outputLen: KEY_BYTES,
    }),
  );
}

export async function wrapWithPassphrase(propertyKey: Buffer, passphrase: string): Promise<RecoveryEnvelope> {
  const kdf = { ...KDF, salt: randomBytes(16).toString('base64') };
  const sealed = seal(await passphraseKey(passphrase, kdf), propertyKey, CONTEXT);
  return { v: 1, keyId: keyId(propertyKey), kdf, sealed: sealed.toString('base64') };
}

/** The property key, or null when the passphrase is not the one this envelope was made with. */
export async function unwrapWithPassphrase(envelope: RecoveryEnvelope, passphrase: string): Promise<Buffer | null> {
  const key = open(await passphraseKey(passphrase, envelope.kdf), Buffer.from(envelope.sealed, 'base64'), CONTEXT);
  return key && key.length === KEY_BYTES && keyId(key) === envelope.keyId ? key : null;
}

/** The property's recovery envelope as stored on its row, or null before it has one. */
export async function propertyEnvelope(db: Kysely<Database>): Promise<RecoveryEnvelope | null> {
  const row = await db.selectFrom('property').select('key_envelope').executeTakeFirst();
  return row?.key_envelope ? recoveryEnvelope.parse(JSON.parse(row.key_envelope)) : null;
}
