/** `npm run db:restore -- --data-dir DIR --from FILE`: replaces the desk database with a backup (app closed). */
import { restoreBackup } from '../services/backup/backup';
import { parseToolArgs } from './args';

const { dataDir, values } = parseToolArgs('npm run db:restore -- --data-dir DIR --from BACKUP_FILE', { from: { type: 'string' } });
const from = values['from'];
if (!from) {
  console.error('usage: npm run db:restore -- --data-dir DIR --from BACKUP_FILE');
  process.exit(2);
}
try {
  const { keptAs } = restoreBackup(dataDir, from, new Date());
  console.log(`Restored ${from} into ${dataDir}.`);
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`);
  process.exit(1);
}
