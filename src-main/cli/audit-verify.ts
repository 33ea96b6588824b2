/** `npm run audit:verify -- --data-dir DIR`: checks the audit chain; exit 1 naming the first broken entry. */
import { openDatabaseReadOnly } from '../db/connection';
import { verifyChain } from '../services/audit/chain';
import { parseToolArgs } from './args';

const { dataDir } = parseToolArgs('npm run audit:verify -- --data-dir DIR');
const { db } = openDatabaseReadOnly(dataDir);
const result = await verifyChain(db);
if (result.ok) {
  console.log(`Audit chain OK: ${result.checked} entries verified.`);
} else {
  const entry = await db.selectFrom('audit_log').selectAll().where('seq', '=', result.firstBrokenSeq).executeTakeFirst();
  const what = entry ? `${entry.at} ${entry.actor_name ?? '-'} ${entry.operation}` : 'entry missing';
  const why = { hash: 'its contents no longer match its hash', link: 'it does not link to the entry before it', gap: 'the entry is missing' }[result.reason];
  console.error(`Audit chain BROKEN at entry #${result.firstBrokenSeq} (${what}): ${why}. ${result.checked} entries before it verified.`);
  process.exitCode = 1;
}
await db.destroy();
