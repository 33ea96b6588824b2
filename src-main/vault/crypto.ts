/**
 * The vault's primitives: AES-256-GCM sealing with a fresh 96-bit nonce per value, subkeys
 * derived from the property key with HKDF-SHA256 (one per purpose, so a key used to look up ID
 * numbers never encrypts them), and the key's public fingerprint.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a subkey is for; each name gives an unrelated key. */
export type KeyPurpose = 'field' | 'lookup' | 'backup' | 'escrow' | 'archive';

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function subkey(propertyKey: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', propertyKey, Buffer.alloc(0), `yingbin/v1/${purpose}`, KEY_BYTES));
}

/** nonce ‖ ciphertext ‖ tag. `context` binds the value to where it belongs (its table and column): moved elsewhere it does not open. */
export function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the value was not sealed by this key for this context. */
export function open(key: Buffer, sealed: Buffer, context: string): Buffer | null {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}

/** A public name for a property key: which key a wrapped copy holds, without revealing it. */
export function keyId(propertyKey: Buffer): string {
  return hmac(propertyKey, 'yingbin/v1/key-id').slice(0, 16);
}
