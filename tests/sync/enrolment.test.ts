/**
 * Enrolment at the desk, against a stand-in server on loopback that counts what reaches it: only
 * an unlocked administrator who types the password again may point a set-up desk at a server; a
 * refusal is audited and sends nothing; the code and the password are written nowhere; the desk
 * keeps working while the server takes its time; plain HTTP over a network needs the lab option;
 * a desk that holds a token proves itself with it. Against the real server: a desk comes back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnrolResponse } from '@shared/sync/protocol';
import { startTestServer, type TestServer } from '../server/harness';
import { addStaff, ADMIN, openDesk, setUpDesk, signIn, type Desk } from '../integration/desk';
import { propertyId } from './desks';

const CODE = 'SECRET-CODE-4242';

/** A stand-in central server: answers enrolments as told, can hold them, and records what came. */
class StandIn {
  readonly enrolments: Record<string, unknown>[] = [];
  /** Requests to any other route (push, pull): answered 503, so a desk's sync run just backs off. */
  others = 0;
  answer: EnrolResponse = { token: 'token-1', propertyId: 'p-1', mode: 'founding', lastSeq: 0 };
  private held: (() => void)[] = [];
  private holding = false;
  private arrived: (() => void) | null = null;
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url !== '/devices/enrol') {
        this.others += 1;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"BUSY"}');
        return;
      }
      this.enrolments.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      this.arrived?.();
      const reply = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer));
      if (this.holding) this.held.push(reply);
      else reply();
    });
  });

  static async start(host = '127.0.0.1'): Promise<StandIn> {
    const standIn = new StandIn();
    await new Promise<void>((resolve) => standIn.server.listen(0, host, resolve));
    return standIn;
  }

  url(host = '127.0.0.1'): string {
    return `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  get requests(): number {
    return this.enrolments.length + this.others;
  }

  /** From now on enrolments wait for release(); resolves when the next one has arrived. */
  hold(): Promise<void> {
    this.holding = true;
    return new Promise((resolve) => (this.arrived = resolve));
  }

  release(): void {
    this.holding = false;
    for (const reply of this.held.splice(0)) reply();
  }

  close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Fails instead of hanging when a call is held up (by a transaction left open, say). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  ]);
}

async function auditRows(desk: Desk) {
  return desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', 'sync.enrol')
    .orderBy('seq')
    .execute();
}

async function syncState(desk: Desk) {
  return desk.services.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
}

/**
 * "A server over the network" on any machine: the IPv4-mapped IPv6 form of 127.0.0.1, which the
 * transport rule does not take for loopback (it knows only 127.0.0.0/8, ::1 and localhost) and the
 * kernel still delivers to the stand-in listening on 127.0.0.1.
 */
const OVER_THE_NETWORK = '[::ffff:127.0.0.1]';

let desk: Desk | undefined;
let standIn: StandIn | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  // A run the enrolment started must end before its database closes.
  await desk?.services.sync.syncNow();
  await desk?.close();
  await standIn?.close();
  await server?.close();
  desk = standIn = server = undefined;
});

async function adminDesk(): Promise<Desk> {
  desk = await openDesk();
  await setUpDesk(desk);
  return desk;
}

describe('enrolling a desk that is set up', () => {
  it('refuses a locked desk: SESSION_LOCKED, audited, nothing changed, nothing sent', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    await desk.call('auth.lock');
    const before = await desk.counts();
    const refused = await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: ADMIN.password });
    expect(refused.code).toBe('SESSION_LOCKED');
    expect(standIn.requests).toBe(0);
    expect(await syncState(desk)).toMatchObject({ server_url: null, property_id: null, enrolled_at: null });
    expect(await desk.services.sync.tokens.read()).toBeNull();
    expect(await desk.counts()).toEqual({ ...before, audit_log: before.audit_log + 1 });
    const [denied] = await auditRows(desk);
    expect(denied).toMatchObject({ outcome: 'denied', actor_name: 'admin' });
    expect(JSON.parse(denied!.detail_json!)).toMatchObject({
      error: 'SESSION_LOCKED',
      input: { code: '[redacted]', password: '[redacted]' },
    });
  });

  it('refuses an agent without sync.manage, and audits it', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    await addStaff(desk, 'lina', 'agent');
    await signIn(desk, 'lina');
    const refused = await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: 'lina-pass-1' });
    expect(refused).toEqual({ code: 'PERMISSION_DENIED', params: { permission: 'sync.manage' } });
    expect(standIn.requests).toBe(0);
    expect((await syncState(desk)).server_url).toBeNull();
    const [denied] = await auditRows(desk);
    expect(denied).toMatchObject({ outcome: 'denied', actor_name: 'lina' });
    expect(JSON.parse(denied!.detail_json!)).toMatchObject({ error: 'PERMISSION_DENIED' });
  });

  it('asks the administrator for the password again; a wrong one is refused and counts towards the lockout', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    const missing = await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE });
    expect(missing).toMatchObject({ code: 'INPUT_INVALID', fields: ['password'] });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: `guess-${attempt}` })).code,
      ).toBe('WRONG_PASSWORD');
    }
    const admin = () =>
      desk.services.db
        .selectFrom('staff')
        .select(['failed_attempts', 'locked_until'])
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
    expect((await admin()).failed_attempts).toBe(4);
    const fifth = await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: 'guess-5' });
    expect(fifth).toEqual({ code: 'ACCOUNT_LOCKED', params: { until: '2026-11-26T02:15:00.000Z' } });
    // Locked: even the right password does not enrol, and the admin cannot sign in elsewhere either.
    expect(
      (await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: ADMIN.password })).code,
    ).toBe('ACCOUNT_LOCKED');
    expect((await desk.fail('auth.signIn', { username: 'admin', password: ADMIN.password })).code).toBe(
      'ACCOUNT_LOCKED',
    );
    expect(standIn.requests).toBe(0);
    expect((await syncState(desk)).server_url).toBeNull();
    const failed = (await auditRows(desk)).filter((row) => row.outcome === 'failed');
    expect(failed).toHaveLength(6);
    expect(failed.every((row) => row.entity_type === 'staff')).toBe(true);
  });

  it('founds the property with the right password, and writes the code and the password nowhere', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    await desk.call('guests.create', { name: '王芳', phone: '13812345678' });
    await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: 'not-the-password' });
    await desk.call('auth.lock');
    await desk.fail('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: ADMIN.password });
    await desk.call('auth.unlock', { password: ADMIN.password });
    expect(
      await desk.call('sync.enrol', { serverUrl: standIn.url(), code: CODE.toLowerCase(), password: ADMIN.password }),
    ).toEqual({ mode: 'founding' });

    expect(standIn.enrolments).toHaveLength(1);
    expect(standIn.enrolments[0]).toMatchObject({
      code: CODE,
      deviceId: desk.services.device.id,
      hasBusinessData: true,
    });
    expect(standIn.enrolments[0]).not.toHaveProperty('token');
    expect(standIn.enrolments[0]).not.toHaveProperty('password');
    expect(await syncState(desk)).toMatchObject({ server_url: standIn.url(), property_id: 'p-1', allow_insecure: 0 });
    expect(await desk.services.sync.tokens.read()).toBe('token-1');
    const entries = await auditRows(desk);
    expect(entries.map((row) => row.outcome)).toEqual(['failed', 'denied', 'ok']);

    const everything = [
      ...(await desk.services.db.selectFrom('audit_log').select('detail_json').execute()).map(
        (row) => row.detail_json ?? '',
      ),
      ...(await desk.services.db.selectFrom('outbox').select(['input_json', 'effects_json']).execute()).flatMap(
        (row) => [row.input_json, row.effects_json],
      ),
    ].join('\n');
    expect(everything).toContain('王芳'); // the snapshot went into the outbox
    for (const secret of [CODE, CODE.toLowerCase(), ADMIN.password, 'not-the-password'])
      expect(everything).not.toContain(secret);
  });

  it('keeps the desk working while the server takes its time to answer', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    const arrived = standIn.hold();
    const enrolling = desk.call('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: ADMIN.password });
    await within(5_000, arrived);

    // A query and a mutation both complete while the enrolment request is still unanswered.
    expect(await within(2_000, desk.call('staff.list'))).toHaveLength(1);
    const suite = await within(
      2_000,
      desk.call('roomTypes.save', { code: 'STE', name: '套房', capacity: 2, baseRateFen: 120_000 }),
    );
    expect((await syncState(desk)).server_url).toBeNull();

    standIn.release();
    expect(await within(5_000, enrolling)).toEqual({ mode: 'founding' });
    // The snapshot is taken when the answer is applied: it carries the room type saved meanwhile.
    const outbox = await desk.services.db.selectFrom('outbox').select('effects_json').execute();
    expect(outbox.some((row) => row.effects_json.includes(suite.id))).toBe(true);
    const [entry] = await auditRows(desk);
    expect(entry).toMatchObject({ outcome: 'ok', actor_name: 'admin', entity_type: 'sync' });
  });

  it('refuses plain HTTP to another machine unless the administrator ticks "insecure (lab only)"', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    const overNetwork = standIn.url(OVER_THE_NETWORK);
    const refused = await desk.fail('sync.enrol', { serverUrl: overNetwork, code: CODE, password: ADMIN.password });
    expect(refused).toEqual({ code: 'SYNC_INSECURE_URL' });
    expect(standIn.requests).toBe(0);
    // Refused before the password was checked: nothing counted.
    expect(
      (
        await desk.services.db
          .selectFrom('staff')
          .select('failed_attempts')
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow()
      ).failed_attempts,
    ).toBe(0);
    expect((await desk.call('sync.status')).insecure).toBe(false);

    expect(
      await desk.call('sync.enrol', {
        serverUrl: overNetwork,
        code: CODE,
        password: ADMIN.password,
        allowInsecure: true,
      }),
    ).toEqual({ mode: 'founding' });
    expect(standIn.enrolments).toHaveLength(1);
    expect(await syncState(desk)).toMatchObject({ server_url: overNetwork, allow_insecure: 1 });
    expect(await desk.call('sync.status')).toMatchObject({ enrolled: true, insecure: true });
    const [entry] = await auditRows(desk);
    expect(JSON.parse(entry!.detail_json!)).toMatchObject({
      after: { serverUrl: overNetwork, mode: 'founding', insecure: true },
    });
  });

  it('stops the sync loop before it talks plain HTTP to another machine without the option', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    // As a desk enrolled over http:// before the rule: the address is kept, the option is not set.
    await desk.services.db
      .updateTable('sync_state')
      .set({ server_url: 'http://192.0.2.10:8787', property_id: 'p-1', enrolled_at: '2026-11-25T00:00:00.000Z' })
      .execute();
    await desk.services.sync.tokens.write('token-1');
    await within(2_000, desk.services.sync.syncNow());
    const status = await desk.call('sync.status');
    expect(status).toMatchObject({ enrolled: true, lastError: 'SYNC_INSECURE_URL', online: null, insecure: false });
    // Loopback stays allowed in plain HTTP: the same desk pointed at this machine reaches the server.
    await desk.services.db.updateTable('sync_state').set({ server_url: standIn.url() }).execute();
    await desk.services.sync.syncNow();
    expect(standIn.others).toBeGreaterThan(0);
    expect((await desk.call('sync.status')).lastError).toBe('SERVER_ERROR');
  });

  it('sends the token it holds when it enrols again', async () => {
    standIn = await StandIn.start();
    const desk = await adminDesk();
    await desk.call('sync.enrol', { serverUrl: standIn.url(), code: CODE, password: ADMIN.password });
    standIn.answer = { token: 'token-2', propertyId: 'p-1', mode: 'returning', lastSeq: 0 };
    expect(
      await desk.call('sync.enrol', { serverUrl: standIn.url(), code: 'NEXT-CODE-1', password: ADMIN.password }),
    ).toEqual({ mode: 'returning' });
    expect(standIn.enrolments.map((body) => body.token)).toEqual([undefined, 'token-1']);
    expect(await desk.services.sync.tokens.read()).toBe('token-2');
  });
});

describe('enrolling from the first-run screen', () => {
  it('joins without a session or a password: a fresh desk holds nothing to protect', async () => {
    standIn = await StandIn.start();
    desk = await openDesk();
    standIn.answer = { token: 'token-1', propertyId: 'p-1', mode: 'joining', lastSeq: 0 };
    expect(await desk.call('sync.enrol', { serverUrl: standIn.url(), code: CODE })).toEqual({ mode: 'joining' });
    expect(standIn.enrolments[0]).toMatchObject({ code: CODE, hasBusinessData: false });
    expect(await syncState(desk)).toMatchObject({ server_url: standIn.url(), property_id: 'p-1' });
    const [entry] = await auditRows(desk);
    expect(entry!.detail_json).not.toContain(CODE);
  });
});

describe('returning to the real server', () => {
  it('comes back to its own property with the token it holds', async () => {
    server = await startTestServer();
    const desk = await adminDesk();
    const property = await propertyId(desk);
    expect(
      await desk.call('sync.enrol', {
        serverUrl: server.url,
        code: await server.issueCode(),
        password: ADMIN.password,
      }),
    ).toEqual({ mode: 'founding' });
    await desk.services.sync.syncNow();
    expect(
      await desk.call('sync.enrol', {
        serverUrl: server.url,
        code: await server.issueCode(property),
        password: ADMIN.password,
      }),
    ).toEqual({ mode: 'returning' });
    await desk.services.sync.syncNow();
    expect(await desk.call('sync.status')).toMatchObject({ enrolled: true, online: true, lastError: null });

    // Without the token, the same device is not let back in on a property code.
    await desk.services.sync.tokens.clear();
    expect(
      (
        await desk.fail('sync.enrol', {
          serverUrl: server.url,
          code: await server.issueCode(property),
          password: ADMIN.password,
        })
      ).code,
    ).toBe('DEVICE_PROOF_REQUIRED');
  });
});
