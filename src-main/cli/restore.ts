/**
 * `npm run db:restore -- --data-dir DIR --from FILE [--passphrase-file FILE]`:
 * replaces the desk database with a backup, the app closed (for servers and admins; the app itself
 * offers the recovery screen). The recovery passphrase comes from the file, or is asked for on the
 * terminal (not echoed), or read from standard input's first line. The restored desk's keys go
 * into the data folder's labelled test store when it has one (the browser harness's); the app's
 * OS keychain is out of this command's reach, so an app's desk (or a new folder) is unlocked with
 * the passphrase in Settings afterwards — never a key file left beside an app's database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { errorCatalogs } from '@shared/i18n/errors';
import { restoreBackup } from '../services/backup/backup';
import { fileSecretStore, VAULT_TEST_FILE } from '../vault/secret-store';
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

const testStore = path.join(dataDir, VAULT_TEST_FILE);
const useTestStore = fs.existsSync(testStore);
try {
  const passphrase = await readPassphrase();
  const restored = await restoreBackup(dataDir, path.resolve(from), {
    passphrase,
    keyStore: useTestStore ? fileSecretStore(testStore) : null,
    at: new Date(),
  });
  console.log(`Restored ${from} into ${dataDir}.`);
  if (restored.keptAs) console.log(`The database it replaced is kept as ${restored.keptAs}.`);
  if (!restored.keysRestored)
    console.log(
      'Keys left as they were: if the desk says its property key is locked, an admin unlocks it with the recovery passphrase (Settings → Keys and recovery).',
    );
} catch (error) {
  const message =
    error instanceof AppError
      ? `${error.code}: ${errorCatalogs.en[error.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(error.params?.[name] ?? ''))}`
      : (error as Error).message;
  console.error(`Restore refused: ${message}`);
  process.exit(1);
}
