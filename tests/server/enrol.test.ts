/**
 * Enrolment that cannot be hijacked: founding creates only, joining names its property, returning
 * needs the device's current token or a code issued for that device, a device never moves, a
 * revoked device stays out until reinstated. Plus spent codes, and revoked and unknown tokens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DESK_SCHEMA_VERSION, type EnrolResponse, type SyncErrorBody } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createServer,
  decideEnrolment,
  issueEnrolmentCode,
  openServerDatabase,
  reinstateDevice,
  revokeDevice,
  type EnrolmentFacts,
} from '../../src-server';
import { BACKENDS, type Backend } from './backends';
import { TestDesk, enrolBody, post } from './desk';
import { createPostgresDatabase, type TestServer } from './harness';

/** A server that refuses on purpose many times a minute: throttling is transport.test.ts's subject, so it is set out of the way here. */
async function startServer(backend: Backend): Promise<TestServer> {
  const dataDir = backend === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-enrol-')) : null;
  const db = await openServerDatabase(
    dataDir ? { dataDir } : { databaseUrl: await createPostgresDatabase(inject('pgAdminUrl')) },
  );
  const app = createServer({ db, limits: { enrolFailures: 10_000, authFailures: 10_000 } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db,
    issueCode: (propertyId) => issueEnrolmentCode(db, { propertyId, hours: 1 }),
    async close() {
      await app.close();
      await db.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = ReturnType<typeof enrolBody> & { token?: string | null };

describe.each(BACKENDS)('enrolment on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(backend);
  });
  afterAll(() => server.close());

  const enrol = (body: Body) => post<EnrolResponse & SyncErrorBody>(server.url, '/devices/enrol', body);
  const pull = (deviceId: string, token: string) =>
    post<SyncErrorBody>(server.url, '/sync/pull', { deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 }, token);
  const deviceCode = (deviceId: string) => issueEnrolmentCode(server.db, { deviceId, hours: 1 });
  const codeOutcome = async (deviceId: string) =>
    (
      await server.db.db
        .selectFrom('enrolment_code')
        .select(['used_at', 'outcome'])
        .where('device_id', '=', deviceId)
        .execute()
    ).map((c) => c.outcome);
  /** What a hijack must not change: the property, its devices and their tokens. */
  const propertyState = async (propertyId: string) => ({
    property: await server.db.db.selectFrom('property').selectAll().where('id', '=', propertyId).execute(),
    devices: await server.db.db
      .selectFrom('device')
      .selectAll()
      .where('property_id', '=', propertyId)
      .orderBy('id')
      .execute(),
  });
  const founded = async (options: { lastSeq?: number } = {}) => {
    const propertyId = uuidv7();
    const body = enrolBody(await server.issueCode(), {
      propertyId,
      hasBusinessData: true,
      lastSeq: options.lastSeq ?? 0,
    });
    const reply = await enrol(body);
    expect(reply.body.mode).toBe('founding');
    return { propertyId, deviceId: body.deviceId, token: reply.body.token };
  };

  it('answers /health with the schema version it speaks', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ ok: true, schemaVersion: DESK_SCHEMA_VERSION });
  });

  it('a code without a property founds the desk’s property; a property code lets another desk join it', async () => {
    const propertyId = uuidv7();
    const founding = await enrol(
      enrolBody(await server.issueCode(), { propertyId, hasBusinessData: true, lastSeq: 12 }),
    );
    expect(founding.status).toBe(200);
    expect(founding.body).toMatchObject({ propertyId, mode: 'founding', lastSeq: 12 });
    expect(founding.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const joining = await enrol(enrolBody(await server.issueCode(propertyId), { hasBusinessData: false, lastSeq: 3 }));
    expect(joining.body).toMatchObject({ propertyId, mode: 'joining', lastSeq: 3 });
  });

  it('a founding code for a property the server holds is refused (409 PROPERTY_EXISTS): no token, the property unchanged, the code spent', async () => {
    const victim = await founded();
    const before = await propertyState(victim.propertyId);
    const code = await server.issueCode();
    const attacker = enrolBody(code, { propertyId: victim.propertyId, hasBusinessData: true });
    expect(await enrol(attacker)).toEqual({ status: 409, body: { error: 'PROPERTY_EXISTS' } });
    expect(await propertyState(victim.propertyId)).toEqual(before);
    expect((await pull(victim.deviceId, victim.token)).status).toBe(200);
    // Spent: it cannot be tried again with another property id to probe which ones exist.
    expect((await enrol(enrolBody(code))).body.error).toBe('ENROLMENT_CODE_INVALID');
    expect(await codeOutcome(attacker.deviceId)).toEqual(['PROPERTY_EXISTS']);
  });

  it('enrolling with another property’s device id is refused, with any code; that device stays where it was and its token still works', async () => {
    const victim = await founded();
    const before = await propertyState(victim.propertyId);
    const other = await founded();
    // A founding code for a new property, and the code of a property the attacker may join.
    expect(await enrol(enrolBody(await server.issueCode(), { deviceId: victim.deviceId }))).toEqual({
      status: 403,
      body: { error: 'DEVICE_PROOF_REQUIRED' },
    });
    expect(await enrol(enrolBody(await server.issueCode(other.propertyId), { deviceId: victim.deviceId }))).toEqual({
      status: 403,
      body: { error: 'DEVICE_PROOF_REQUIRED' },
    });
    // Even the device itself, with its token, cannot move to another property.
    const moving = enrolBody(await server.issueCode(other.propertyId), {
      deviceId: victim.deviceId,
      propertyId: victim.propertyId,
    });
    expect(await enrol({ ...moving, token: victim.token })).toEqual({
      status: 409,
      body: { error: 'SYNC_PROPERTY_MISMATCH' },
    });
    expect(await propertyState(victim.propertyId)).toEqual(before);
    expect((await pull(victim.deviceId, victim.token)).status).toBe(200);
  });

  it('a known device returning without proof (no token, or a wrong one) is refused (403 DEVICE_PROOF_REQUIRED) and its token is kept', async () => {
    const desk = await founded();
    const body = enrolBody(await server.issueCode(desk.propertyId), {
      deviceId: desk.deviceId,
      propertyId: desk.propertyId,
      hasBusinessData: true,
    });
    expect(await enrol(body)).toEqual({ status: 403, body: { error: 'DEVICE_PROOF_REQUIRED' } });
    const again = enrolBody(await server.issueCode(desk.propertyId), {
      deviceId: desk.deviceId,
      propertyId: desk.propertyId,
      hasBusinessData: true,
    });
    expect(await enrol({ ...again, token: 'a'.repeat(43) })).toEqual({
      status: 403,
      body: { error: 'DEVICE_PROOF_REQUIRED' },
    });
    expect((await pull(desk.deviceId, desk.token)).status).toBe(200);
  });

  it('a device returning with its current token gets a new one (the old one is dead) and keeps the higher sequence', async () => {
    const desk = await founded({ lastSeq: 5 });
    const body = enrolBody(await server.issueCode(desk.propertyId), {
      deviceId: desk.deviceId,
      propertyId: desk.propertyId,
      hasBusinessData: true,
      lastSeq: 2,
    });
    const again = await enrol({ ...body, token: desk.token });
    expect(again.body).toMatchObject({ propertyId: desk.propertyId, mode: 'returning', lastSeq: 5 });
    expect(again.body.token).not.toBe(desk.token);
    expect(await pull(desk.deviceId, desk.token)).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    expect((await pull(desk.deviceId, again.body.token)).status).toBe(200);
  });

  it('a code the admin issued for a device lets that device return without its token, and no other device use it', async () => {
    const desk = await founded();
    const code = await deviceCode(desk.deviceId);
    // Another device bringing it: refused, and the code is spent.
    expect(await enrol(enrolBody(code, { propertyId: desk.propertyId }))).toEqual({
      status: 400,
      body: { error: 'ENROLMENT_CODE_INVALID' },
    });
    expect((await enrol(enrolBody(code, { deviceId: desk.deviceId, propertyId: desk.propertyId }))).body.error).toBe(
      'ENROLMENT_CODE_INVALID',
    );

    const returned = await enrol(
      enrolBody(await deviceCode(desk.deviceId), {
        deviceId: desk.deviceId,
        propertyId: desk.propertyId,
        hasBusinessData: true,
      }),
    );
    expect(returned.body).toMatchObject({ mode: 'returning', propertyId: desk.propertyId });
    expect((await pull(desk.deviceId, desk.token)).status).toBe(401);
    expect((await pull(desk.deviceId, returned.body.token)).status).toBe(200);

    await expect(issueEnrolmentCode(server.db, { deviceId: uuidv7(), hours: 1 })).rejects.toThrow(/No device/);
    await expect(
      issueEnrolmentCode(server.db, { deviceId: desk.deviceId, propertyId: uuidv7(), hours: 1 }),
    ).rejects.toThrow(/belongs to property/);
  });

  it('a revoked device stays revoked whatever code it brings; reinstating voids its old token and lets it return with a code for it', async () => {
    const desk = await founded();
    const issuedBefore = await deviceCode(desk.deviceId);
    expect(await revokeDevice(server.db, desk.deviceId)).toBe(true);
    const withToken = enrolBody(await server.issueCode(desk.propertyId), {
      deviceId: desk.deviceId,
      propertyId: desk.propertyId,
      hasBusinessData: true,
    });
    expect(await enrol({ ...withToken, token: desk.token })).toEqual({
      status: 403,
      body: { error: 'DEVICE_REVOKED' },
    });
    expect(await enrol(enrolBody(issuedBefore, { deviceId: desk.deviceId, propertyId: desk.propertyId }))).toEqual({
      status: 403,
      body: { error: 'DEVICE_REVOKED' },
    });
    await expect(deviceCode(desk.deviceId)).rejects.toThrow(/revoked/);
    expect((await pull(desk.deviceId, desk.token)).status).toBe(403);

    expect(await reinstateDevice(server.db, desk.deviceId)).toBe(true);
    expect(await pull(desk.deviceId, desk.token)).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    const back = await enrol(
      enrolBody(await deviceCode(desk.deviceId), {
        deviceId: desk.deviceId,
        propertyId: desk.propertyId,
        hasBusinessData: true,
      }),
    );
    expect(back.body.mode).toBe('returning');
    expect((await pull(desk.deviceId, back.body.token)).status).toBe(200);
    expect(await reinstateDevice(server.db, 'no-such-device')).toBe(false);
  });

  it('a desk holding business data offered a property to join is refused (409 SYNC_PROPERTY_MISMATCH) and the code stays usable', async () => {
    const { propertyId } = await founded();
    const code = await server.issueCode(propertyId);
    const refused = await enrol(enrolBody(code, { hasBusinessData: true }));
    expect(refused).toEqual({ status: 409, body: { error: 'SYNC_PROPERTY_MISMATCH' } });
    expect((await enrol(enrolBody(code, { hasBusinessData: false }))).body.mode).toBe('joining');
  });

  it('two desks racing for one code: one enrols, the other finds it spent', async () => {
    const code = await server.issueCode();
    const replies = await Promise.all([enrol(enrolBody(code)), enrol(enrolBody(code))]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('refuses a used, expired or unknown code with ENROLMENT_CODE_INVALID', async () => {
    const code = await server.issueCode();
    expect((await enrol(enrolBody(code))).status).toBe(200);
    expect(await enrol(enrolBody(code))).toEqual({ status: 400, body: { error: 'ENROLMENT_CODE_INVALID' } });

    const expired = await issueEnrolmentCode(server.db, { hours: 1, now: new Date(Date.now() - 2 * 3_600_000) });
    expect((await enrol(enrolBody(expired))).body.error).toBe('ENROLMENT_CODE_INVALID');
    expect((await enrol(enrolBody('AAAA-BBBB'))).body.error).toBe('ENROLMENT_CODE_INVALID');
  });

  it('accepts a code typed in lower case without the dash', async () => {
    const code = await server.issueCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await enrol(enrolBody(code.replace('-', '').toLowerCase()))).status).toBe(200);
  });

  it('validates the body (400 BAD_REQUEST) and the desk schema (426 UPGRADE_REQUIRED)', async () => {
    const code = await server.issueCode();
    expect((await post<SyncErrorBody>(server.url, '/devices/enrol', { code })).body.error).toBe('BAD_REQUEST');
    const old = await enrol({ ...enrolBody(code), schemaVersion: DESK_SCHEMA_VERSION - 1 });
    expect(old).toEqual({ status: 426, body: { error: 'UPGRADE_REQUIRED', minSchemaVersion: DESK_SCHEMA_VERSION } });
    // Neither spent the code.
    expect((await enrol(enrolBody(code))).status).toBe(200);
  });

  it('answers an unknown token 401, a revoked device 403 and another device’s id 401', async () => {
    const desk = await TestDesk.enrol(server, await server.issueCode());
    expect((await pull(desk.deviceId, desk.token)).status).toBe(200);
    expect(await pull(desk.deviceId, 'not-a-token')).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    expect(await pull(uuidv7(), desk.token)).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    expect(
      (
        await post<SyncErrorBody>(server.url, '/sync/pull', {
          deviceId: desk.deviceId,
          schemaVersion: DESK_SCHEMA_VERSION,
          cursor: 0,
        })
      ).status,
    ).toBe(401);

    expect(await revokeDevice(server.db, desk.deviceId)).toBe(true);
    expect(await pull(desk.deviceId, desk.token)).toEqual({ status: 403, body: { error: 'DEVICE_REVOKED' } });
    expect((await desk.push([])).status).toBe(403);
    expect(await revokeDevice(server.db, 'no-such-device')).toBe(false);
  });
});

describe('the enrolment rules', () => {
  const P = 'property-p';
  const Q = 'property-q';
  const D = 'device-d';
  const founding = { propertyId: null, forDeviceId: null };
  const joinP = { propertyId: P, forDeviceId: null };
  const forD = { propertyId: P, forDeviceId: D };
  const request = (propertyId = P, hasBusinessData = true) => ({ deviceId: D, propertyId, hasBusinessData });
  const inP = (proven: boolean, revoked = false) => ({ propertyId: P, proven, revoked });

  // [what, facts, decision]
  const cases: [string, EnrolmentFacts, ReturnType<typeof decideEnrolment>][] = [
    [
      'a new device founds a new property',
      { code: founding, request: request(Q), device: null, propertyExists: false },
      { mode: 'founding', propertyId: Q },
    ],
    [
      'a founding code never enters an existing property',
      { code: founding, request: request(P), device: null, propertyExists: true },
      { refusal: 'PROPERTY_EXISTS', burn: true },
    ],
    [
      '… not even for its own device',
      { code: founding, request: request(P), device: inP(true), propertyExists: true },
      { refusal: 'PROPERTY_EXISTS', burn: true },
    ],
    [
      'a known device cannot found another property',
      { code: founding, request: request(Q), device: inP(true), propertyExists: false },
      { refusal: 'SYNC_PROPERTY_MISMATCH', burn: true },
    ],
    [
      'a new device without data joins',
      { code: joinP, request: request(Q, false), device: null, propertyExists: false },
      { mode: 'joining', propertyId: P },
    ],
    [
      'a new device with data may not join (the code is kept)',
      { code: joinP, request: request(Q), device: null, propertyExists: false },
      { refusal: 'SYNC_PROPERTY_MISMATCH', burn: false },
    ],
    [
      'a known device with its token returns',
      { code: joinP, request: request(P), device: inP(true), propertyExists: true },
      { mode: 'returning', propertyId: P },
    ],
    [
      'a known device without its token does not',
      { code: joinP, request: request(P), device: inP(false), propertyExists: true },
      { refusal: 'DEVICE_PROOF_REQUIRED', burn: true },
    ],
    [
      'a revoked device with its token stays out',
      { code: joinP, request: request(P), device: inP(true, true), propertyExists: true },
      { refusal: 'DEVICE_REVOKED', burn: true },
    ],
    [
      'a device code brings its device back without the token',
      { code: forD, request: request(P), device: inP(false), propertyExists: true },
      { mode: 'returning', propertyId: P },
    ],
    [
      '… but not a revoked one',
      { code: forD, request: request(P), device: inP(false, true), propertyExists: true },
      { refusal: 'DEVICE_REVOKED', burn: true },
    ],
    [
      '… nor another device',
      { code: forD, request: { ...request(P), deviceId: 'device-e' }, device: null, propertyExists: true },
      { refusal: 'ENROLMENT_CODE_INVALID', burn: true },
    ],
    [
      'a device never moves to another property',
      { code: { propertyId: Q, forDeviceId: null }, request: request(P), device: inP(true), propertyExists: true },
      { refusal: 'SYNC_PROPERTY_MISMATCH', burn: true },
    ],
    [
      'a known device bringing another property’s data is refused',
      { code: joinP, request: request(Q), device: inP(true), propertyExists: false },
      { refusal: 'SYNC_PROPERTY_MISMATCH', burn: true },
    ],
  ];
  it.each(cases)('%s', (_, facts, decision) => {
    expect(decideEnrolment(facts)).toEqual(decision);
  });
});
