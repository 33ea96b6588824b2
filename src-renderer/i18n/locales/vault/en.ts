/** The key vault's UI strings in English. */
import type { vaultZhCN } from './zh-CN';

export const vaultEn: typeof vaultZhCN = {
  title: 'Keys and recovery',
  intro:
    "Guests' ID numbers, phones and the backups are encrypted with the property key. The key is kept only in each desk's OS keychain, plus one copy wrapped by the recovery passphrase: a new PC, a joining desk or a restore from backup needs it. Write the passphrase down and give it to the manager; do not keep it on a computer.",
  states: {
    open: 'This desk holds the property key',
    locked: 'This desk does not hold the property key yet',
    unset: 'The property has no recovery passphrase yet',
  },
  keyId: 'Key fingerprint',
  store: {
    keychain: 'Keys kept in the OS keychain',
    'test-file': 'Test store: keys protected by file permissions only (browser test harness); not for live use',
  },
  passphrase: 'Recovery passphrase',
  passphraseHint:
    'At least {{min}} characters; a sentence only you know works well, e.g. "the bench under the third willow by the lake"',
  confirmPassphrase: 'Recovery passphrase again',
  passphraseMismatch: 'The two passphrases differ',
  strength: { s0: 'very weak', s1: 'weak', s2: 'fair', s3: 'strong', s4: 'very strong' },
  strengthLabel: 'Strength: {{label}}',
  unlock: 'Unlock the property key',
  unlockIntro:
    "This desk has just joined. An admin types the property's recovery passphrase once, and the desk can read guests' ID numbers and encrypt new ones.",
  unlocked: 'The property key is now kept on this desk',
  create: 'Set the recovery passphrase',
  createIntro:
    'This property was set up before encryption: once the passphrase is set, this desk makes the property key and encrypts the ID numbers and phones already stored.',
  created: 'Property key made and recovery passphrase set',
  change: 'Change the recovery passphrase',
  changeIntro:
    'The new passphrase wraps the same property key again; no data needs re-encrypting. A director approves the change; until then the old passphrase stays valid.',
  changed: 'Recovery passphrase changed',
  newPassphrase: 'New recovery passphrase',
  lockedBanner:
    "This desk does not hold the property key yet: guests' ID numbers cannot be entered or read until an admin types the recovery passphrase.",
  lockedBannerAction: 'Unlock',
  lockedBannerAsk: 'Ask an admin to unlock it in Settings → Keys and recovery.',
};
