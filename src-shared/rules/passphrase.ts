/**
 * The property's recovery passphrase: how strong it must be (zxcvbn's estimate of the guesses an
 * attacker needs, plus a length floor), and the envelope it wraps the property key in. The same
 * check runs in the setup wizard (as the admin types) and in main (which decides).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSPHRASE_MIN_LENGTH = 10;
/** zxcvbn's 0–4 score: 3 is "safely unguessable" (about 10^8 guesses online, far more offline through argon2id). */
export const PASSPHRASE_MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

export function passphraseScore(passphrase: string): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(passphrase.slice(0, 100)).score;
}

export function passphraseStrongEnough(passphrase: string): boolean {
  return [...passphrase].length >= PASSPHRASE_MIN_LENGTH && passphraseScore(passphrase) >= PASSPHRASE_MIN_SCORE;
}

/** The property key wrapped by the recovery passphrase: all a server or a backup ever holds of it. */
export const recoveryEnvelope = z.strictObject({
  v: z.literal(1),
  /** The wrapped key's public fingerprint. */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    memoryKiB: z.number().int().min(19_456).max(1_048_576),
    passes: z.number().int().min(2).max(10),
    lanes: z.number().int().min(1).max(8),
    salt: z.base64().length(24),
  }),
  /** AES-256-GCM nonce ‖ ciphertext ‖ tag of the 32-byte key. */
  sealed: z.base64().length(80),
});
export type RecoveryEnvelope = z.infer<typeof recoveryEnvelope>;
