/**
 * `npm run server -- --data-dir DIR [--port N] [--host H]`: serve until SIGTERM/SIGINT.
 * `npm run server -- code --data-dir DIR [--property ID] [--hours 24]`: print a one-time enrolment code.
 * `npm run server -- revoke --data-dir DIR --device ID`: shut a device out.
 * With DATABASE_URL set, PostgreSQL is used instead of DIR/server.sqlite.
 */
import { parseArgs } from 'node:util';
import { createServer } from './app';
import { locateDatabase, openServerDatabase } from './db/connection';
import { issueEnrolmentCode, revokeDevice } from './sync/enrol';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    property: { type: 'string' },
    hours: { type: 'string', default: '24' },
    device: { type: 'string' },
  },
});

const command = positionals[0] ?? 'serve';
const db = await openServerDatabase(locateDatabase(values['data-dir']));

if (command === 'serve') {
  const app = createServer({ db, logger: { level: 'warn' } });
  const shutdown = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await app.listen({ host: values.host, port: Number(values.port) });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : Number(values.port);
  console.log(`yingbin-server listening on http://${values.host}:${port}`);
} else if (command === 'code') {
  const code = await issueEnrolmentCode(db, { propertyId: values.property ?? null, hours: Number(values.hours) });
  console.log(code);
  await db.close();
} else if (command === 'revoke') {
  if (!values.device) throw new Error('Give --device ID.');
  const revoked = await revokeDevice(db, values.device);
  console.log(revoked ? `device ${values.device} revoked` : `no device ${values.device}`);
  await db.close();
  process.exitCode = revoked ? 0 : 1;
} else {
  await db.close();
  console.error(`Unknown command ${command}: use serve (default), code or revoke.`);
  process.exitCode = 2;
}
