/**
 * Each staff member's signing key: an Ed25519 key pair whose private half is derived from their
 * password (argon2id with the row's own salt) whenever they type it, and never stored; the public
 * half travels on their staff row. A desk signs every intent its signed-in person runs, so the
 * server can tell that person was at the desk — a stolen desk knows staff ids, not passwords.
 */
import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { intentPayload, type SignedIntent } from '@shared/sync/intent';

/** A person able to sign, for as long as their session (or approval) lasts. */
export interface Signer {
  staffId: string;
  sign(intent: SignedIntent): string;
}

/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

async function privateKey(password: string, salt: string): Promise<KeyObject> {
  const seed = await hashRaw(password, { salt: Buffer.from(salt, 'base64'), outputLen: 32 });
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function signerOf(staffId: string, key: KeyObject): Signer {
  return { staffId, sign: (intent) => sign(null, Buffer.from(intentPayload(intent)), key).toString('base64') };
}

/** A new key pair for a password being set: the columns to store and the signer. */
export async function newSigningKey(
  staffId: string,
  password: string,
): Promise<{ sign_salt: string; sign_key: string; signer: Signer }> {
  const salt = randomBytes(16).toString('base64');
  const key = await privateKey(password, salt);
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  return { sign_salt: salt, sign_key: publicKey, signer: signerOf(staffId, key) };
}

/** The signer of someone who just typed their (verified) password. */
export async function signerFor(
  staff: { id: string; sign_salt: string | null },
  password: string,
): Promise<Signer | null> {
  return staff.sign_salt === null ? null : signerOf(staff.id, await privateKey(password, staff.sign_salt));
}
