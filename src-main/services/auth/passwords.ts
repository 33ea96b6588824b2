/** argon2id password hashing (the library's default algorithm and parameters), and what a password brings with it. */
import { hash, verify } from '@node-rs/argon2';
import { newSigningKey, type Signer } from './signing';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** The staff columns a new password sets: its hash and a new signing key made with it. */
export async function credentialColumns(
  staffId: string,
  password: string,
): Promise<{ password_hash: string; sign_salt: string; sign_key: string; signer: Signer }> {
  const { sign_salt, sign_key, signer } = await newSigningKey(staffId, password);
  return { password_hash: await hashPassword(password), sign_salt, sign_key, signer };
}
