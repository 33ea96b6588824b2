/**
 * `npm run audit:verify -- --data-dir DIR`: checks the audit chain by the desk's audit key and
 * against the server's last checkpoint (asked for when the desk's test-store token is at hand,
 * else the one cached at the last push); exit 1 naming the first broken entry. The key comes from
 * the data folder's test store (harness and test desks); a desk that keeps it in the OS keychain
 * is verified from its escrow, given the recovery passphrase in YINGBIN_RECOVERY_PASSPHRASE.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditBreak, AuditVerification } from '@shared/contract';
import { openDatabaseReadOnly } from '../db/connection';
import type { Database } from '../db/schema';
import { verifyChain, type AuditKey } from '../services/audit/chain';
import { recoverAuditKey } from '../services/audit/escrow';
import { propertyEnvelope } from '../vault/recovery';
import { latestCheckpoint } from '../sync/checkpoint';
import { serverLink } from '../sync/exchange';
import { unwrapWithPassphrase } from '../vault/recovery';
import { fileSecretStore, TOKEN_FILE, VAULT_TEST_FILE } from '../vault/secret-store';
import { Vault } from '../vault/vault';
import { parseToolArgs } from './args';

const PASSPHRASE_VARIABLE = 'YINGBIN_RECOVERY_PASSPHRASE';

/** The desk's audit key, or a message saying why it cannot be had. */
async function auditKey(dataDir: string, db: Kysely<Database>): Promise<AuditKey | string> {
  const store = fileSecretStore(path.join(dataDir, VAULT_TEST_FILE));
  if (await store.read()) return (await Vault.load(store, db)).audit;
  const passphrase = process.env[PASSPHRASE_VARIABLE];
  if (!passphrase)
    return `This desk keeps its audit key in the OS keychain: give the property's recovery passphrase in ${PASSPHRASE_VARIABLE} to verify the chain from the key's escrow.`;
  const envelope = await propertyEnvelope(db);
  const propertyKey = envelope && (await unwrapWithPassphrase(envelope, passphrase));
  if (!propertyKey) return envelope ? 'The recovery passphrase is not the property’s.' : 'The property has no key yet.';
  return (
    (await recoverAuditKey(db, propertyKey)) ??
    'This desk holds no escrow of its audit key (it has never held the property key).'
  );
}

const WHY: Record<AuditBreak, string> = {
  gap: 'the entry is missing',
  link: 'it does not link to the entry before it',
  hash: 'its contents no longer match its hash',
  key: 'it carries a plain SHA-256 hash where the desk’s audit key must have chained it (rewritten without the key)',
  checkpoint:
    'it is not the entry the server acknowledged as this desk’s chain head (rewritten with the key, or cut short)',
};

function checkpointLine(result: AuditVerification): string {
  const checkpoint = result.checkpoint;
  if (!checkpoint) return 'No server checkpoint to check against (not enrolled, or nothing acknowledged yet).';
  const which =
    checkpoint.source === 'server'
      ? 'the server’s checkpoint'
      : 'the cached checkpoint (the server could not be asked)';
  return `Checked against ${which}: entry #${checkpoint.seq}, acknowledged ${checkpoint.at}: ${checkpoint.matches ? 'matches' : 'DOES NOT MATCH'}.`;
}

const { dataDir } = parseToolArgs('npm run audit:verify -- --data-dir DIR');
const { db } = openDatabaseReadOnly(dataDir);
try {
  const key = await auditKey(dataDir, db);
  if (typeof key === 'string') {
    console.error(`Cannot verify the keyed audit chain: ${key}`);
    process.exitCode = 2;
  } else {
    const link = await serverLink(db, fileSecretStore(path.join(dataDir, TOKEN_FILE)));
    const result = await verifyChain(
      db,
      key,
      await latestCheckpoint(db, (await db.selectFrom('device').select('id').executeTakeFirstOrThrow()).id, link),
    );
    if (result.ok) {
      console.log(
        `Audit chain OK: ${result.checked} entries verified (keyed by this desk's audit key from entry #${result.keyedFrom}).`,
      );
    } else {
      const entry = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', result.firstBrokenSeq)
        .executeTakeFirst();
      const what = entry ? `${entry.at} ${entry.actor_name ?? '-'} ${entry.operation}` : 'entry missing';
      console.error(
        `Audit chain BROKEN at entry #${result.firstBrokenSeq} (${what}): ${WHY[result.reason]}. ${result.checked} entries verified.`,
      );
      process.exitCode = 1;
    }
    console.log(checkpointLine(result));
  }
} finally {
  await db.destroy();
}
