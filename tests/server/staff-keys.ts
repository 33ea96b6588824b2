/**
 * Signing keys of the server tests' staff, made once per staff id: the public half goes on the
 * staff row a fixture pushes, the private half signs that person's intents as their desk would.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { intentPayload, type SignedIntent } from '@shared/sync/intent';

const keys = new Map<string, { privateKey: KeyObject; publicKey: string }>();

function keyOf(staffId: string) {
  let key = keys.get(staffId);
  if (!key) {
    const pair = generateKeyPairSync('ed25519');
    key = {
      privateKey: pair.privateKey,
      publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'),
    };
    keys.set(staffId, key);
  }
  return key;
}

/** The columns of a staff row that carry its signing key. */
export function signingColumns(staffId: string): { sign_salt: string; sign_key: string } {
  return { sign_salt: Buffer.alloc(16, 7).toString('base64'), sign_key: keyOf(staffId).publicKey };
}

export function signIntent(staffId: string, intent: SignedIntent): string {
  return sign(null, Buffer.from(intentPayload(intent)), keyOf(staffId).privateKey).toString('base64');
}
