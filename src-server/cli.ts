/**
 * The administrator's command line (see src-server/README.md):
 * `npm run server -- --data-dir DIR [--port N] [--host H] [--tls-cert FILE --tls-key FILE] [--trust-proxy ADDR]`: serve until SIGTERM/SIGINT.
 * `npm run server -- code --data-dir DIR [--property ID | --device ID] [--hours 24]`: print a one-time enrolment code.
 * `npm run server -- revoke --data-dir DIR --device ID`: shut a device out.
 * `npm run server -- reinstate --data-dir DIR --device ID`: lift a revocation and print a code for that device to return with.
 * With DATABASE_URL set, PostgreSQL is used instead of DIR/server.sqlite.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createServer, plainHttpWarning } from './app';
import { locateDatabase, openServerDatabase, type ServerDatabase } from './db/connection';
import { issueEnrolmentCode, reinstateDevice, revokeDevice } from './sync/enrol';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'trust-proxy': { type: 'string' },
    property: { type: 'string' },
    hours: { type: 'string', default: '24' },
    device: { type: 'string' },
  },
});

/** A mistake of the administrator's: said plainly, exit code 2, no stack trace. */
function usage(message: string): never {
  console.error(message);
  process.exit(2);
}

function readTls(): { key: Buffer; cert: Buffer } | null {
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile) usage('Give both --tls-cert FILE and --tls-key FILE.');
  try {
    return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  } catch (error) {
    usage(`Cannot read the TLS files: ${(error as Error).message}`);
  }
}

async function serve(db: ServerDatabase): Promise<void> {
  const tls = readTls();
  const host = values.host;
  const warning = plainHttpWarning(host, tls !== null);
  if (warning) console.error(warning);
  const app = createServer({ db, logger: { level: 'warn' }, tls, trustProxy: values['trust-proxy'] ?? null });
  const shutdown = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await app.listen({ host, port: Number(values.port) });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : Number(values.port);
  console.log(
    `yingbin-server listening on ${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
  );
}

async function administer(db: ServerDatabase, command: string): Promise<number> {
  const device = values.device;
  if (command === 'code') {
    const code = await issueEnrolmentCode(db, {
      propertyId: values.property ?? null,
      deviceId: device ?? null,
      hours: Number(values.hours),
    });
    console.log(code);
    return 0;
  }
  if (command !== 'revoke' && command !== 'reinstate') {
    console.error(`Unknown command ${command}: use serve (default), code, revoke or reinstate.`);
    return 2;
  }
  if (!device) usage('Give --device ID.');
  if (command === 'revoke') {
    const revoked = await revokeDevice(db, device);
    console.log(revoked ? `device ${device} revoked` : `no device ${device}`);
    return revoked ? 0 : 1;
  }
  if (!(await reinstateDevice(db, device))) {
    console.log(`no device ${device}`);
    return 1;
  }
  const code = await issueEnrolmentCode(db, { deviceId: device, hours: Number(values.hours) });
  console.log(
    `device ${device} reinstated; its old token stays void: enrol it again with this code (valid ${values.hours} h):`,
  );
  console.log(code);
  return 0;
}

const command = positionals[0] ?? 'serve';
const db = await openServerDatabase(locateDatabase(values['data-dir']));
if (command === 'serve') {
  await serve(db);
} else {
  try {
    process.exitCode = await administer(db, command);
  } catch (error) {
    // issueEnrolmentCode's refusals are messages for the administrator.
    console.error((error as Error).message);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}
