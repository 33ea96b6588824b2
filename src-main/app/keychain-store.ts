/**
 * Secrets wrapped by the OS keychain (safeStorage: DPAPI on Windows, Keychain on macOS, the
 * Secret Service on Linux). On Linux without a keyring Electron falls back to a fixed password
 * ('basic_text'), which protects nothing: the desk refuses it unless an admin accepted it once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { fileSecretStore, type SecretStore } from '../vault/secret-store';

const WEAK_ACCEPTED_FILE = 'keychain-weak-accepted';

export function keychainStore(file: string): SecretStore {
  return fileSecretStore(file, {
    encode: (secret) => safeStorage.encryptString(secret),
    decode: (data) => safeStorage.decryptString(data),
  });
}

/** Whether the OS keychain protects what it wraps; Linux's fallback does not. Call after `app` is ready. */
export function keychainIsWeak(): boolean {
  return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
}

export function weakKeychainAccepted(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, WEAK_ACCEPTED_FILE));
}

export function acceptWeakKeychain(dataDir: string, at: Date): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, WEAK_ACCEPTED_FILE), `${at.toISOString()}\n`, { mode: 0o600 });
}
