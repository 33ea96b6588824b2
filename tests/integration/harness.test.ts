import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../src-main/harness/server';
import { dispatch } from '../../src-main/services/rpc/dispatch';
import { openDesk, tempDir, type Desk } from './desk';

let desk: Desk;
let harness: Harness;
const token = 'test-token-123';

beforeEach(async () => {
  desk = await openDesk();
  const rendererDir = tempDir('yingbin-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>迎宾</title>');
  harness = await startHarness({
    host: { call: (name, input) => dispatch(desk.services, name, input) },
    events: desk.services.events,
    rendererDir,
    token,
    port: 0,
  });
});
afterEach(async () => {
  await harness.close();
  await desk.close();
});

function rpc(name: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${harness.port}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
}

describe('the browser harness', () => {
  it('serves the renderer with the app CSP and answers operations as Result values', async () => {
    const page = await fetch(`http://127.0.0.1:${harness.port}/staff`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('迎宾');
    const answer = await rpc('setup.status', '{}');
    expect(await answer.json()).toEqual({ ok: true, value: { needsSetup: true } });
  });

  it('holds the session in its own process between requests', async () => {
    const setup = await rpc(
      'setup.initialize',
      JSON.stringify({
        property: { name: '西湖宾馆', timeZone: 'Asia/Shanghai', currency: 'CNY' },
        admin: { username: 'admin', displayName: '王', password: 'admin-pass-1' },
        recoveryPassphrase: 'lake-view-lantern-morning',
      }),
    );
    expect((await setup.json()).ok).toBe(true);
    const staff = (await (await rpc('staff.list', '{}')).json()) as { ok: boolean; value: unknown[] };
    expect(staff.ok).toBe(true);
    expect(staff.value).toHaveLength(1);
  });

  it('refuses requests without the per-run token, from a foreign host name, or with a non-JSON body', async () => {
    expect((await rpc('setup.status', '{}', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await rpc('setup.status', '{}', { authorization: '' })).status).toBe(401);
    // fetch() will not send a foreign Host header; a DNS-rebinding page would.
    const reboundStatus = await new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: harness.port,
          path: '/rpc/setup.status',
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/json', authorization: `Bearer ${token}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(reboundStatus).toBe(421);
    expect((await rpc('setup.status', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(
      415,
    );
    const broken = await rpc('setup.status', '{not json');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('answers a malformed percent-encoded path with 400 and keeps serving', async () => {
    const raw = (method: string, path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const headers = {
          host: `127.0.0.1:${harness.port}`,
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        };
        const request = http.request({ host: '127.0.0.1', port: harness.port, path, method, headers }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        request.on('error', reject);
        request.end(method === 'POST' ? '{}' : undefined);
      });
    expect(await raw('GET', '/%')).toBe(400);
    expect(await raw('GET', '/assets/%E0%A4%A.js')).toBe(400);
    expect(await raw('POST', '/rpc/%E0%A4%A')).toBe(400);
    expect(await raw('POST', '/rpc/%')).toBe(400);
    const answer = await rpc('setup.status', '{}');
    expect(await answer.json()).toEqual({ ok: true, value: { needsSetup: true } });
    expect((await fetch(`http://127.0.0.1:${harness.port}/`)).status).toBe(200);
  });

  it('streams the desk events to a caller with the token, and refuses one without it', async () => {
    expect((await fetch(`http://127.0.0.1:${harness.port}/events`)).status).toBe(401);
    const abort = new AbortController();
    const stream = await fetch(`http://127.0.0.1:${harness.port}/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe(': open\n\n');
    desk.services.events.emit('approvals');
    expect((await reader.read()).value).toBe('data: approvals\n\n');
    abort.abort();
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await fetch(`http://127.0.0.1:${harness.port}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).not.toContain('root:');
  });
});
