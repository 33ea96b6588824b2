/**
 * `npm run bench`: figures for the foundation on a real SQLite file. Not a test: it prints
 * medians for a person to compare between builds (targets in the comments).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../src-main/services/services';
import { must, percentile, timeEach } from './measure';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-'));
const services = await createServices({ dataDir });
await must(services, 'setup.initialize', {
  property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
  recoveryPassphrase: 'bench-recovery-lantern-morning',
});

// A mutation through the whole wrapper: session, permission, parse, transaction, audit, outbox. Target: median < 2 ms.
const MUTATIONS = 20_000;
const started = performance.now();
const mutationTimes = await timeEach(MUTATIONS, (i) =>
  must(services, 'property.update', {
    name: `Bench ${i}`,
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    idleLockMinutes: 10,
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(
  `mutation via dispatch: ${(MUTATIONS / seconds).toFixed(0)}/s, median ${percentile(mutationTimes, 50).toFixed(3)} ms`,
);

// Reading the newest page of a large audit trail with a filter. Target: median < 20 ms.
const listTimes = await timeEach(50, () => must(services, 'audit.list', { operation: 'property', limit: 50 }));
console.log(
  `audit.list (${MUTATIONS + 1} entries), newest 50 filtered: median ${percentile(listTimes, 50).toFixed(2)} ms`,
);

// Verifying the whole chain. Target: a million entries in under 30 s (> 33k entries/s).
const verifyStarted = performance.now();
await must(services, 'audit.verify');
const verifySeconds = (performance.now() - verifyStarted) / 1000;
console.log(`audit.verify: ${((MUTATIONS + 1) / verifySeconds).toFixed(0)} entries/s`);

// Sign-in, dominated by argon2id. Target: median < 100 ms.
await must(services, 'auth.signOut');
const signInTimes = await timeEach(20, () =>
  must(services, 'auth.signIn', { username: 'admin', password: 'bench-pass-1' }),
);
console.log(`auth.signIn (argon2id verify): median ${percentile(signInTimes, 50).toFixed(1)} ms`);

const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`process RSS at end: ${rss.toFixed(0)} MiB`);
await services.close();
fs.rmSync(dataDir, { recursive: true, force: true });
