/**
 * The command line as an administrator uses it: issue a code, serve, revoke a device from another
 * process, stop on SIGTERM. On SQLite only (each process takes seconds to start): the PostgreSQL
 * path differs by DATABASE_URL alone, checked below, and serves the rest of the suite.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DESK_SCHEMA_VERSION } from '@shared/sync/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { locateDatabase } from '../../src-server';
import { enrolBody, post } from './desk';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'src-server/cli.ts');
const run = promisify(execFile);

describe('command line', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints a code, serves until SIGTERM, and revokes a device while serving', { timeout: 30_000 }, async () => {
    const env = { ...process.env, DATABASE_URL: '' };
    const code = (await run(tsx, [cli, 'code', '--data-dir', dataDir], { env })).stdout.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const server = spawn(tsx, [cli, '--data-dir', dataDir, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /yingbin-server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server.on('exit', () => reject(new Error(`server exited before listening: ${out}`)));
    });
    try {
      const body = enrolBody(code);
      const enrolled = await post<{ token: string; mode: string }>(url, '/devices/enrol', body);
      expect(enrolled.body.mode).toBe('founding');

      const revoked = await run(tsx, [cli, 'revoke', '--data-dir', dataDir, '--device', body.deviceId], { env });
      expect(revoked.stdout).toContain('revoked');
      const pull = await post(url, '/sync/pull', { deviceId: body.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor: 0 }, enrolled.body.token);
      expect(pull.status).toBe(403);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('uses PostgreSQL when DATABASE_URL is set, else the data folder', () => {
    expect(locateDatabase('/data', { DATABASE_URL: 'postgres://db/yingbin' })).toEqual({ databaseUrl: 'postgres://db/yingbin' });
    expect(locateDatabase('/data', {})).toEqual({ dataDir: '/data' });
    expect(() => locateDatabase(undefined, {})).toThrow(/--data-dir/);
  });
});
