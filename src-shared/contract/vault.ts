/** The property key vault: its state on this desk, unlocking a joining desk, the recovery passphrase. */
import { z } from 'zod';
import { recoveryEnvelope, type RecoveryEnvelope } from '../rules/passphrase';
import { mutation, query } from './define';

/** 'unset': the property has no key yet (set up before the vault); 'locked': it has one this desk does not hold. */
export type VaultState = 'unset' | 'locked' | 'open';

export interface VaultStatus {
  state: VaultState;
  /** Where this desk keeps its keys: the OS keychain, or (harness, tests) a file labelled as a test store. */
  store: 'keychain' | 'test-file';
  keyId: string | null;
}

/** A passphrase as typed: its strength is judged by main (src-shared/rules/passphrase.ts), not by this schema. */
export const passphrase = z.string().min(1).max(200);

export const vaultOperations = {
  'vault.status': query<VaultStatus>()({ name: 'vault.status', input: z.object({}), access: 'signed-in' }),
  /** A desk that joined the property is given its key by an admin who knows the recovery passphrase; once. */
  'vault.unlock': mutation<VaultStatus>()({
    name: 'vault.unlock',
    input: z.object({ passphrase }),
    access: 'vault.manage',
    redact: ['passphrase'],
    sync: false,
  }),
  /** A property set up before the vault: its key is made now, on this desk, and its envelope syncs. */
  'vault.create': mutation<VaultStatus>()({
    name: 'vault.create',
    input: z.object({ passphrase }),
    access: 'vault.manage',
    redact: ['passphrase'],
  }),
  /**
   * The first step of a new passphrase: this desk wraps the key it holds under the new passphrase
   * and returns only the envelope, so that what the director approves (and what syncs) never
   * holds the passphrase.
   */
  'vault.sealRecovery': mutation<RecoveryEnvelope>()({
    name: 'vault.sealRecovery',
    input: z.object({ passphrase }),
    access: 'vault.manage',
    redact: ['passphrase'],
    sync: false,
  }),
  /** The property's new recovery envelope; held for the director's approval by default. */
  'vault.changePassphrase': mutation<VaultStatus>()({
    name: 'vault.changePassphrase',
    input: z.object({ envelope: recoveryEnvelope }),
    access: 'vault.manage',
  }),
};
