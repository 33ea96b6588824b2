/**
 * The audit chain anchored on the server, with real desks over HTTP: every push leaves the desk's
 * chain head as a checkpoint, and the desk's verification holds its chain against the server's
 * latest checkpoint (the cached one while the server cannot be reached). A rewrite made with the
 * desk's own key (someone who took the keychain too) holds by the key but not at the checkpoint,
 * and the server refuses the rewritten chain when the desk pushes again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chainHead } from '../../src-main/services/audit/chain';
import { startTestServer, type TestServer } from '../server/harness';
import { hmacUnder, rewriteAuditLog } from '../integration/audit-attack';
import { addStaff, ADMIN, openDesk, RECOVERY_PASSPHRASE, setUpDesk, signIn, type Desk } from '../integration/desk';
import { propertyId } from './desks';

let server: TestServer | undefined;
const desks: Desk[] = [];
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.close();
  await server?.close();
  server = undefined;
});

async function open(dataDir?: string): Promise<Desk> {
  const desk = await openDesk(dataDir);
  desks.push(desk);
  return desk;
}

async function close(desk: Desk): Promise<string> {
  desks.splice(desks.indexOf(desk), 1);
  await desk.close();
  return desk.dataDir;
}

/** A set-up desk with two staff made, founding the property on the server and synced. */
async function foundingDesk(running: TestServer): Promise<Desk> {
  const desk = await open();
  await setUpDesk(desk);
  for (const name of ['lina', 'zhou']) await addStaff(desk, name, 'agent');
  await desk.call('sync.enrol', { serverUrl: running.url, code: await running.issueCode(), password: ADMIN.password });
  await desk.services.sync.syncNow();
  return desk;
}

const serverCheckpoints = (running: TestServer, deviceId: string) =>
  running.db.db
    .selectFrom('audit_checkpoint')
    .select(['seq', 'hash'])
    .where('device_id', '=', deviceId)
    .orderBy('seq')
    .execute();
const serverRefusals = (running: TestServer, deviceId: string) =>
  running.db.db
    .selectFrom('audit_checkpoint_refusal')
    .select(['reason', 'checkpoint_seq'])
    .where('device_id', '=', deviceId)
    .execute();

describe('the audit chain anchored on the server', () => {
  it('leaves each push’s chain head as a checkpoint, cached at the desk and checked by the verification', async () => {
    server = await startTestServer();
    const desk = await foundingDesk(server);
    const head = (await chainHead(desk.services.db))!;
    const state = await desk.services.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
    expect(state).toMatchObject({ audit_checkpoint_seq: head.seq, audit_checkpoint_hash: head.hash });
    expect((await serverCheckpoints(server, desk.services.device.id)).at(-1)).toEqual({
      seq: head.seq,
      hash: head.hash,
    });
    expect(await desk.call('audit.verify')).toEqual({
      ok: true,
      checked: head.seq,
      keyedFrom: 1,
      checkpoint: { seq: head.seq, at: state.audit_checkpoint_at, source: 'server', matches: true },
    });

    // A desk joining the property escrows its own audit key once it is given the property key.
    const joining = await open();
    await joining.call('sync.enrol', { serverUrl: server.url, code: await server.issueCode(await propertyId(desk)) });
    await joining.services.sync.syncNow();
    await signIn(joining, 'admin', ADMIN.password);
    const escrow = () => joining.services.db.selectFrom('device').select('audit_key_sealed').executeTakeFirstOrThrow();
    expect((await escrow()).audit_key_sealed).toBeNull();
    await joining.call('vault.unlock', { passphrase: RECOVERY_PASSPHRASE });
    expect((await escrow()).audit_key_sealed).not.toBeNull();
  });

  it('reports a rewrite made with the desk’s own key against the server’s checkpoint (and the cached one offline), and the server refuses the rewritten chain', async () => {
    server = await startTestServer();
    let desk = await foundingDesk(server);
    const deviceId = desk.services.device.id;
    const { key } = desk.services.vault.audit;
    const anchored = (await chainHead(desk.services.db))!;
    const dataDir = await close(desk);

    // Someone with the file and the keychain: an entry deleted, the rest renumbered and chained again under the right key.
    rewriteAuditLog(dataDir, { drop: 2, hashFor: () => hmacUnder(key) });
    desk = await open(dataDir);
    await signIn(desk, 'admin', ADMIN.password);
    // By the key alone the chain holds; the entry the server acknowledged is another one now.
    expect(await desk.call('audit.verify')).toMatchObject({
      ok: false,
      checked: anchored.seq,
      firstBrokenSeq: anchored.seq,
      reason: 'checkpoint',
      checkpoint: { seq: anchored.seq, source: 'server', matches: false },
    });

    // Pushing again: the desk's entry at the checkpoint is not the one acknowledged. Refused, recorded, the checkpoint kept; the desk syncs on.
    await addStaff(desk, 'chen', 'agent');
    await desk.services.sync.syncNow();
    expect(await desk.call('sync.status')).toMatchObject({ online: true, lastError: null, pendingCount: 0 });
    expect(await serverRefusals(server, deviceId)).toEqual([{ reason: 'changed', checkpoint_seq: anchored.seq }]);
    expect((await serverCheckpoints(server, deviceId)).at(-1)).toEqual({ seq: anchored.seq, hash: anchored.hash });

    // Offline, the checkpoint cached at the last push says the same.
    await server.close();
    server = undefined;
    expect(await desk.call('audit.verify')).toMatchObject({
      ok: false,
      reason: 'checkpoint',
      checkpoint: { seq: anchored.seq, source: 'cached', matches: false },
    });
  });

  it('reports a chain cut short before the checkpoint, and the server refuses the shortened chain', async () => {
    server = await startTestServer();
    let desk = await foundingDesk(server);
    const deviceId = desk.services.device.id;
    const anchored = (await chainHead(desk.services.db))!;
    const dataDir = await close(desk);

    // The newest entries removed: what is left needs no rehashing.
    rewriteAuditLog(dataDir, { truncateAfter: anchored.seq - 3, hashFor: () => () => 'never used' });
    desk = await open(dataDir);
    await signIn(desk, 'admin', ADMIN.password);
    expect(await desk.call('audit.verify')).toMatchObject({
      ok: false,
      checked: anchored.seq - 2,
      firstBrokenSeq: anchored.seq - 1,
      reason: 'checkpoint',
      checkpoint: { matches: false },
    });

    await desk.services.sync.syncNow();
    expect(await serverRefusals(server, deviceId)).toEqual([{ reason: 'changed', checkpoint_seq: anchored.seq }]);
  });
});
