/** The sync token wrapped by the OS keychain (safeStorage: DPAPI on Windows, Keychain on macOS, libsecret on Linux). */
import path from 'node:path';
import { safeStorage } from 'electron';
import { fileTokenStore, TOKEN_FILE, type TokenStore } from '../sync/token-store';

export function keychainTokenStore(dataDir: string): TokenStore {
  return fileTokenStore(path.join(dataDir, `${TOKEN_FILE}.enc`), {
    encode: (token) => safeStorage.encryptString(token),
    decode: (data) => safeStorage.decryptString(data),
  });
}
