/**
 * The server's transport: a body limit per route (a 413 leaves the server serving), refused
 * enrolments and unknown tokens throttled per address (429 RATE_LIMITED), HTTPS with a key pair,
 * and the warning for plain HTTP beyond loopback.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { DESK_SCHEMA_VERSION, type EnrolResponse, type SyncErrorBody } from '@shared/sync/protocol';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  createServer,
  isLoopbackHost,
  issueEnrolmentCode,
  openServerDatabase,
  plainHttpWarning,
  revokeDevice,
  type ServerOptions,
} from '../../src-server';
import { BACKENDS, type Backend } from './backends';
import { TestDesk, enrolBody, post } from './desk';
import { createPostgresDatabase, type TestServer } from './harness';
import { selfSignedFiles } from './self-signed';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-transport-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startServer(backend: Backend, options: Omit<ServerOptions, 'db'> = {}): Promise<TestServer> {
  const db = await openServerDatabase(
    backend === 'sqlite' ? { dataDir: tempDir() } : { databaseUrl: await createPostgresDatabase(inject('pgAdminUrl')) },
  );
  const app = createServer({ db, ...options });
  cleanups.push(() => db.close());
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  return {
    url,
    db,
    issueCode: (propertyId) => issueEnrolmentCode(db, { propertyId, hours: 1 }),
    close: () => app.close(),
  };
}

/** A self-signed pair for CN=localhost, valid one day. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const { keyFile, certFile } = selfSignedFiles(tempDir());
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
}

/** node:https trusting `ca` only, checking the certificate's name (localhost) while connecting to the address in the URL. */
function httpsJson(url: string, ca: Buffer | null, body?: unknown): Promise<{ status: number; body: unknown }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: body === undefined ? 'GET' : 'POST',
        servername: 'localhost',
        agent: false,
        ...(ca && { ca }),
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const enrol = (server: TestServer, body: unknown) =>
  post<EnrolResponse & SyncErrorBody>(server.url, '/devices/enrol', body);
const pullBody = (desk: TestDesk) => ({ deviceId: desk.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 });

describe.each(BACKENDS)('transport on %s', (backend) => {
  it('answers a body over its route’s limit 413 BODY_TOO_LARGE and keeps serving', async () => {
    const server = await startServer(backend);
    const oversized = { ...enrolBody(await server.issueCode()), deskCode: 'x'.repeat(DEFAULT_LIMITS.enrolBody) };
    expect(await enrol(server, oversized)).toEqual({ status: 413, body: { error: 'BODY_TOO_LARGE' } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // The code was not spent by the refused body.
    const desk = await TestDesk.enrol(server, oversized.code);

    const padding = 'x'.repeat(DEFAULT_LIMITS.pullBody);
    expect(await post(server.url, '/sync/pull', { ...pullBody(desk), padding }, desk.token)).toEqual({
      status: 413,
      body: { error: 'BODY_TOO_LARGE' },
    });
    // A push may be large (a founding snapshot's chunks): 1 MiB is far within its limit.
    const push = {
      deviceId: desk.deviceId,
      schemaVersion: DESK_SCHEMA_VERSION,
      mutations: [],
      padding: 'x'.repeat(1024 * 1024),
    };
    expect((await post(server.url, '/sync/push', push, desk.token)).status).not.toBe(413);
    expect(DEFAULT_LIMITS.pushBody).toBe(32 * 1024 * 1024);
    expect((await desk.pull(0)).status).toBe(200);
  });

  it('answers the 11th wrong code from one address within a minute 429 RATE_LIMITED, a right code too', async () => {
    const server = await startServer(backend);
    for (let i = 0; i < DEFAULT_LIMITS.enrolFailures; i++) {
      expect((await enrol(server, enrolBody(`WRNG-${String(i).padStart(4, 'A')}`))).body.error).toBe(
        'ENROLMENT_CODE_INVALID',
      );
    }
    const response = await fetch(`${server.url}/devices/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(enrolBody('WRNG-LAST')),
    });
    expect(response.status).toBe(429);
    const body = (await response.json()) as SyncErrorBody;
    expect(body.error).toBe('RATE_LIMITED');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(Number(response.headers.get('retry-after'))).toBe(body.retryAfterSeconds);
    expect((await enrol(server, enrolBody(await server.issueCode()))).status).toBe(429);
  });

  it('reads no body before the token is known: an unknown caller announcing 40 MiB is answered 401 at once', async () => {
    const server = await startServer(backend);
    const target = new URL(`${server.url}/sync/push`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': String(40 * 1024 * 1024),
            authorization: 'Bearer guess',
          },
        },
        (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on('error', reject);
      request.write('{"deviceId":');
    });
    expect(status).toBe(401);
  });

  it('counts only refused enrolments: a hotel enrolling many desks at once is not held back', async () => {
    const server = await startServer(backend, { limits: { enrolFailures: 2, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await enrol(server, enrolBody(await server.issueCode()))).status).toBe(200);
    expect((await enrol(server, enrolBody('WRNG-AAAA'))).status).toBe(400);
    expect((await enrol(server, enrolBody('WRNG-BBBB'))).status).toBe(400);
    expect((await enrol(server, enrolBody(await server.issueCode()))).body.error).toBe('RATE_LIMITED');
  });

  it('throttles unknown tokens per address (a right token from there waits too), and does not count revoked devices', async () => {
    const server = await startServer(backend, { limits: { authFailures: 3 } });
    const desk = await TestDesk.enrol(server, await server.issueCode());
    const revoked = await TestDesk.enrol(server, await server.issueCode(desk.propertyId));
    await revokeDevice(server.db, revoked.deviceId);
    for (let i = 0; i < 5; i++) expect((await revoked.pull(0)).status).toBe(403);
    expect((await desk.pull(0)).status).toBe(200);

    for (let i = 0; i < 3; i++)
      expect(await post(server.url, '/sync/pull', pullBody(desk), `guess-${i}`)).toEqual({
        status: 401,
        body: { error: 'DEVICE_UNKNOWN' },
      });
    // Were the right token let through, guessing could go on: every call from the address waits out the window.
    expect(await desk.pull(0)).toMatchObject({ status: 429, body: { error: 'RATE_LIMITED' } });
    expect((await desk.push([])).status).toBe(429);
    expect((await post(server.url, '/sync/pull', pullBody(desk), 'guess-4')).status).toBe(429);
  });

  it('serves HTTPS with a key pair: a desk that trusts the certificate enrols, one that does not is refused by TLS', async () => {
    const pair = selfSigned();
    const server = await startServer(backend, { tls: pair });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await httpsJson(`${server.url}/health`, pair.cert)).toEqual({
      status: 200,
      body: { ok: true, schemaVersion: DESK_SCHEMA_VERSION },
    });
    const enrolled = await httpsJson(`${server.url}/devices/enrol`, pair.cert, enrolBody(await server.issueCode()));
    expect(enrolled).toMatchObject({ status: 200, body: { mode: 'founding' } });
    await expect(httpsJson(`${server.url}/health`, null)).rejects.toThrow(/self[- ]signed/i);
    await expect(fetch(`${server.url.replace('https:', 'http:')}/health`)).rejects.toThrow();
  });
});

describe('plain HTTP beyond loopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['hotel-sync.example', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
    expect(plainHttpWarning(host, false) === null).toBe(loopback);
    expect(plainHttpWarning(host, true)).toBeNull();
  });

  it('says what is at stake and what to do', () => {
    expect(plainHttpWarning('0.0.0.0', false)).toMatch(/WARNING.*0\.0\.0\.0.*--tls-cert.*reverse proxy/s);
  });
});
