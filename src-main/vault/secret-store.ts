/**
 * Where the desk keeps a secret it must not leave in its database: the token the server issued
 * at enrolment, and the vault's keys. The Electron app wraps each with the OS keychain
 * (safeStorage, in src-main/app); the browser harness and tests keep them in files only the
 * desk's user can read, named as test stores.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface SecretStore {
  /** 'keychain' in the app; 'test-file' in the harness and tests (unprotected but by file rights). */
  readonly kind: 'keychain' | 'test-file';
  read(): Promise<string | null>;
  write(secret: string): Promise<void>;
  clear(): Promise<void>;
}

export interface SecretCodec {
  encode(secret: string): Buffer;
  decode(data: Buffer): string;
}

const plain: SecretCodec = { encode: (secret) => Buffer.from(secret, 'utf8'), decode: (data) => data.toString('utf8') };

export function fileSecretStore(file: string, codec: SecretCodec | null = null): SecretStore {
  return {
    kind: codec ? 'keychain' : 'test-file',
    read: async () => {
      try {
        return (codec ?? plain).decode(await fs.readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: async (secret) => {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.tmp`;
      await fs.writeFile(temporary, (codec ?? plain).encode(secret), { mode: 0o600 });
      await fs.rename(temporary, file);
    },
    clear: async () => {
      await fs.rm(file, { force: true });
    },
  };
}

/** The files in the data folder: the keychain-wrapped ones add `.enc`; the vault's test store says what it is. */
export const TOKEN_FILE = 'sync-token';
export const VAULT_TEST_FILE = 'vault-keys.TEST-STORE-NOT-PROTECTED';
export const VAULT_KEYCHAIN_FILE = 'vault-keys.enc';
