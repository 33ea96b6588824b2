/** Enrolment: founding, joining, returning, a desk with data meeting another property, spent codes, revoked and unknown tokens. */
import { DESK_SCHEMA_VERSION, type EnrolResponse, type SyncErrorBody } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolmentCode, revokeDevice } from '../../src-server';
import { BACKENDS, serverFor } from './backends';
import { TestDesk, enrolBody, post } from './desk';
import type { TestServer } from './harness';

describe.each(BACKENDS)('enrolment on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterAll(() => server.close());

  const enrol = (body: ReturnType<typeof enrolBody>) => post<EnrolResponse & SyncErrorBody>(server.url, '/devices/enrol', body);

  it('answers /health with the schema version it speaks', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ ok: true, schemaVersion: DESK_SCHEMA_VERSION });
  });

  it('a code without a property founds the desk’s property; a property code lets another desk join it', async () => {
    const propertyId = uuidv7();
    const founding = await enrol(enrolBody(await server.issueCode(), { propertyId, hasBusinessData: true, lastSeq: 12 }));
    expect(founding.status).toBe(200);
    expect(founding.body).toMatchObject({ propertyId, mode: 'founding', lastSeq: 12 });
    expect(founding.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const joining = await enrol(enrolBody(await server.issueCode(propertyId), { hasBusinessData: false, lastSeq: 3 }));
    expect(joining.body).toMatchObject({ propertyId, mode: 'joining', lastSeq: 3 });
  });

  it('a desk re-enrolling in its own property returns, keeps the higher sequence and gets a new token', async () => {
    const propertyId = uuidv7();
    const deviceId = uuidv7();
    const first = await enrol(enrolBody(await server.issueCode(), { propertyId, deviceId, lastSeq: 5 }));
    await revokeDevice(server.db, deviceId);
    const again = await enrol(enrolBody(await server.issueCode(propertyId), { propertyId, deviceId, hasBusinessData: true, lastSeq: 2 }));
    expect(again.body).toMatchObject({ propertyId, mode: 'returning', lastSeq: 5 });
    expect(again.body.token).not.toBe(first.body.token);
    // The old token is gone; the new one works (the revocation was cleared).
    const body = { deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 };
    expect((await post(server.url, '/sync/pull', body, first.body.token)).status).toBe(401);
    expect((await post(server.url, '/sync/pull', body, again.body.token)).status).toBe(200);
  });

  it('a founding code for an existing property id counts as returning to it', async () => {
    const propertyId = uuidv7();
    await enrol(enrolBody(await server.issueCode(), { propertyId }));
    const second = await enrol(enrolBody(await server.issueCode(), { propertyId }));
    expect(second.body).toMatchObject({ propertyId, mode: 'returning' });
  });

  it('a desk holding business data of another property is refused (409 SYNC_PROPERTY_MISMATCH) and the code stays usable', async () => {
    const propertyId = uuidv7();
    await enrol(enrolBody(await server.issueCode(), { propertyId }));
    const code = await server.issueCode(propertyId);
    const refused = await enrol(enrolBody(code, { hasBusinessData: true }));
    expect(refused).toEqual({ status: 409, body: { error: 'SYNC_PROPERTY_MISMATCH' } });
    expect((await enrol(enrolBody(code, { hasBusinessData: false }))).body.mode).toBe('joining');
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
  });

  it('answers an unknown token 401, a revoked device 403 and another device’s id 401', async () => {
    const desk = await TestDesk.enrol(server, await server.issueCode());
    const pull = (token: string, deviceId = desk.deviceId) =>
      post<SyncErrorBody>(server.url, '/sync/pull', { deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 }, token);
    expect((await pull(desk.token)).status).toBe(200);
    expect(await pull('not-a-token')).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    expect(await pull(desk.token, uuidv7())).toEqual({ status: 401, body: { error: 'DEVICE_UNKNOWN' } });
    expect((await post<SyncErrorBody>(server.url, '/sync/pull', { deviceId: desk.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 })).status).toBe(401);

    expect(await revokeDevice(server.db, desk.deviceId)).toBe(true);
    expect(await pull(desk.token)).toEqual({ status: 403, body: { error: 'DEVICE_REVOKED' } });
    expect((await desk.push([])).status).toBe(403);
    expect(await revokeDevice(server.db, 'no-such-device')).toBe(false);
  });
});
