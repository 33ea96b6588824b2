/**
 * Where the desk keeps the token the server issued at enrolment. The Electron app wraps it with
 * the OS keychain (safeStorage, in src-main/app); the browser harness and tests keep it in a file
 * only the desk's user can read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface TokenStore {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
}

export function fileTokenStore(file: string, codec: { encode(token: string): Buffer; decode(data: Buffer): string } = plain): TokenStore {
  return {
    read: async () => {
      try {
        return codec.decode(await fs.readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: async (token) => {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      await fs.writeFile(temporary, codec.encode(token), { mode: 0o600 });
      await fs.rename(temporary, file);
    },
    clear: async () => {
      await fs.rm(file, { force: true });
    },
  };
}

const plain = { encode: (token: string) => Buffer.from(token, 'utf8'), decode: (data: Buffer) => data.toString('utf8') };

export const TOKEN_FILE = 'sync-token';
