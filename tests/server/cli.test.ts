/**
 * The command line as an administrator uses it: issue a code, serve (over HTTP and HTTPS), revoke
 * and reinstate a device from another process, stop on SIGTERM, warn about plain HTTP beyond
 * loopback. On SQLite only (each process takes seconds to start): the PostgreSQL path differs by
 * DATABASE_URL alone, checked below, and serves the rest of the suite.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DESK_SCHEMA_VERSION, type EnrolResponse } from '@shared/sync/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { locateDatabase } from '../../src-server';
import { enrolBody, post } from './desk';
import { selfSignedFiles } from './self-signed';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src-server/cli.ts');
const run = promisify(execFile);
const env = { ...process.env, DATABASE_URL: '' };

/** Starts `serve`; resolves with the URL it prints, or rejects with what it said before exiting. */
function serve(args: string[]): {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
  stderr: () => string;
} {
  const child = spawn(tsx, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /yingbin-server listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', () => reject(new Error(`server exited before listening: ${out} ${err}`)));
  });
  return { child, url, exited, stderr: () => err };
}

describe('command line', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const admin = (...args: string[]) => run(tsx, [cli, ...args, '--data-dir', dataDir], { env });

  it(
    'prints a code, serves until SIGTERM, revokes a device while serving and reinstates it with a code for that device',
    { timeout: 60_000 },
    async () => {
      const code = (await admin('code')).stdout.trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

      const server = serve(['--data-dir', dataDir, '--port', '0']);
      try {
        const url = await server.url;
        expect(server.stderr()).not.toContain('WARNING');
        const body = enrolBody(code);
        const enrolled = await post<EnrolResponse>(url, '/devices/enrol', body);
        expect(enrolled.body.mode).toBe('founding');
        const pull = (token: string) =>
          post(url, '/sync/pull', { deviceId: body.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 }, token);

        expect((await admin('revoke', '--device', body.deviceId)).stdout).toContain('revoked');
        expect((await pull(enrolled.body.token)).status).toBe(403);

        const reinstated = (await admin('reinstate', '--device', body.deviceId)).stdout;
        expect(reinstated).toContain(`device ${body.deviceId} reinstated`);
        const deviceCode = /([A-Z2-9]{4}-[A-Z2-9]{4})\s*$/.exec(reinstated)![1]!;
        expect((await pull(enrolled.body.token)).status).toBe(401);
        const back = await post<EnrolResponse>(url, '/devices/enrol', {
          ...enrolBody(deviceCode, { deviceId: body.deviceId, propertyId: body.propertyId }),
        });
        expect(back.body.mode).toBe('returning');
        expect((await pull(back.body.token)).status).toBe(200);

        // A code for that device, asked for directly; none for a device the server does not know.
        expect((await admin('code', '--device', body.deviceId)).stdout.trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        await expect(admin('code', '--device', 'no-such-device')).rejects.toMatchObject({
          code: 2,
          stderr: expect.stringContaining('No device no-such-device'),
        });
      } finally {
        server.child.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
    },
  );

  it('serves HTTPS when given --tls-cert and --tls-key', { timeout: 30_000 }, async () => {
    const tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-tls-'));
    let started: ReturnType<typeof serve> | null = null;
    try {
      const { keyFile, certFile } = selfSignedFiles(tlsDir);
      started = serve(['--data-dir', dataDir, '--port', '0', '--tls-cert', certFile, '--tls-key', keyFile]);
      const url = new URL(await started.url);
      expect(url.protocol).toBe('https:');
      const health = await new Promise<string>((resolve, reject) => {
        https
          .get(
            {
              host: url.hostname,
              port: url.port,
              path: '/health',
              servername: 'localhost',
              ca: fs.readFileSync(certFile),
              agent: false,
            },
            (response) => {
              let text = '';
              response.on('data', (chunk: Buffer) => (text += chunk.toString()));
              response.on('end', () => resolve(text));
            },
          )
          .on('error', reject);
      });
      expect(JSON.parse(health)).toEqual({ ok: true, schemaVersion: DESK_SCHEMA_VERSION });
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    } finally {
      started?.child.kill('SIGTERM');
      fs.rmSync(tlsDir, { recursive: true, force: true });
    }
  });

  it(
    'warns before serving plain HTTP on an address beyond loopback, and refuses half a key pair',
    { timeout: 30_000 },
    async () => {
      // 192.0.2.1 (TEST-NET-1) is on no interface: the warning is printed, then binding fails, so nothing is ever exposed.
      const exposed = serve(['--data-dir', dataDir, '--port', '0', '--host', '192.0.2.1']);
      await expect(exposed.url).rejects.toThrow(/WARNING: serving plain HTTP on 192\.0\.2\.1/);
      expect(await exposed.exited).not.toBe(0);

      const half = serve(['--data-dir', dataDir, '--port', '0', '--tls-cert', path.join(dataDir, 'cert.pem')]);
      await expect(half.url).rejects.toThrow(/Give both --tls-cert FILE and --tls-key FILE/);
      expect(await half.exited).toBe(2);
    },
  );

  it('uses PostgreSQL when DATABASE_URL is set, else the data folder', () => {
    expect(locateDatabase('/data', { DATABASE_URL: 'postgres://db/yingbin' })).toEqual({
      databaseUrl: 'postgres://db/yingbin',
    });
    expect(locateDatabase('/data', {})).toEqual({ dataDir: '/data' });
    expect(() => locateDatabase(undefined, {})).toThrow(/--data-dir/);
  });
});
