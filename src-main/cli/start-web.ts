/** `npm run start:web -- --data-dir DIR [--port N]`: the browser harness (see harness/server.ts). */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startHarness } from '../harness/server';
import { DeskHost } from '../host/desk-host';
import { DeskEvents } from '../services/desk-events';
import { parseToolArgs } from './args';

const args = parseToolArgs('npm run start:web -- --data-dir DIR [--port N]', {
  port: { type: 'string', default: '5780' },
});
const port = Number(args.values['port']);
const token = process.env['YINGBIN_HARNESS_TOKEN'] || randomBytes(24).toString('base64url');
const events = new DeskEvents();
const host = await DeskHost.start({ dataDir: args.dataDir, scheduleJobs: true, events });
const harness = await startHarness({
  host,
  events,
  rendererDir: path.resolve(import.meta.dirname, '../../out/renderer'),
  token,
  port,
});

console.log(`Yingbin harness for ${args.dataDir}`);
if (host.recoveryProblem)
  console.log(
    `recovery: the database could not be opened (${host.recoveryProblem.kind}); the app shows the recovery screen`,
  );
console.log(`open: ${harness.url}`);

async function shutdown() {
  await harness.close();
  await host.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
