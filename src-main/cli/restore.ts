/**
 * `npm run db:restore -- --data-dir DIR --from FILE [--passphrase-file FILE]`: replaces the desk
 * database with a backup, the app closed (for servers and admins; the app itself offers the
 * recovery screen). The recovery passphrase comes from the file, or is asked for on the terminal
 * (not echoed), or read from standard input's first line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { errorCatalogs } from '@shared/i18n/errors';
import { restoreBackup } from '../services/backup/backup';
import { fileSecretStore, VAULT_KEYCHAIN_FILE, VAULT_TEST_FILE } from '../vault/secret-store';
import { parseToolArgs } from './args';

const USAGE = 'npm run db:restore -- --data-dir DIR --from BACKUP_FILE [--passphrase-file FILE]';
const { dataDir, values } = parseToolArgs(USAGE, { from: { type: 'string' }, 'passphrase-file': { type: 'string' } });
const from = values['from'];
if (!from) {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}

/** One line from the terminal without echoing it, or the first line of piped input. */
async function readPassphrase(): Promise<string> {
  const file = values['passphrase-file'];
  if (file) return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0]!;
  process.stderr.write('Recovery passphrase / 恢复口令: ');
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(true);
  let typed = '';
  let done = false;
  for await (const chunk of stdin as AsyncIterable<Buffer>) {
    for (const char of chunk.toString('utf8')) {
      // Ctrl+C in raw mode arrives as a character, not a signal.
      if (char === '\u0003') process.exit(130);
      done = char === '\r' || char === '\n';
      if (done) break;
      typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
    }
    if (done) break;
  }
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  process.stderr.write('\n');
  return typed;
}

// The app keeps its keys under the OS keychain, which this command cannot reach: it leaves them as they are.
const keychainHeld = fs.existsSync(path.join(dataDir, VAULT_KEYCHAIN_FILE));
try {
  const passphrase = await readPassphrase();
  const restored = await restoreBackup(dataDir, path.resolve(from), {
    passphrase,
    keyStore: keychainHeld ? null : fileSecretStore(path.join(dataDir, VAULT_TEST_FILE)),
    at: new Date(),
  });
  console.log(`Restored ${from} into ${dataDir}.`);
  if (restored.keptAs) console.log(`The database it replaced is kept as ${restored.keptAs}.`);
  if (keychainHeld) console.log('The app keeps its keys in the OS keychain: if it says the vault is locked, unlock it with the recovery passphrase.');
} catch (error) {
  const message = error instanceof AppError ? `${error.code}: ${errorCatalogs.en[error.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(error.params?.[name] ?? ''))}` : (error as Error).message;
  console.error(`Restore refused: ${message}`);
  process.exit(1);
}
