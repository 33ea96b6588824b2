/**
 * Enrolling against an address that is not a Yingbin server: Python's own web server, a page that
 * answers 404 in HTML, a web framework's JSON 404, a 200 web page and a 200 JSON that is no
 * enrolment answer. Each is ENROLMENT_NOT_A_SERVER (the address is wrong, not the code), and the
 * desk is left as it was. Our own server refusing a wrong code still says the code is wrong.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness';
import { ADMIN, openDesk, setUpDesk, type Desk } from './desk';

let desk: Desk | undefined;
let foreign: http.Server | undefined;
let python: ChildProcess | undefined;
let ours: TestServer | undefined;

afterEach(async () => {
  await desk?.services.sync.syncNow();
  await desk?.close();
  if (foreign) {
    foreign.closeAllConnections();
    await new Promise((resolve) => foreign!.close(resolve));
  }
  python?.kill('SIGTERM');
  await ours?.close();
  desk = foreign = python = ours = undefined;
});

/** A web server on 127.0.0.1 answering every request with `status`, `type` and `body`. */
async function someoneElses(status: number, type: string, body: string): Promise<string> {
  foreign = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': type }).end(body));
  });
  await new Promise<void>((resolve) => foreign!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
}

/** `python3 -m http.server`: a real static file server, which answers POST with a 501 page. */
async function pythonServer(): Promise<string> {
  python = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    python!.once('exit', (code) => reject(new Error(`http.server exited ${code}`)));
    python!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /port (\d+)/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
  });
}

async function enrolAt(serverUrl: string, code = 'ABCD-EFGH-1234') {
  desk = await openDesk();
  await setUpDesk(desk);
  const failure = await desk.fail('sync.enrol', { serverUrl, code, password: ADMIN.password });
  const state = await desk.services.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
  return { failure, state, token: await desk.services.sync.tokens.read() };
}

describe('an enrolment address that is not a Yingbin server', () => {
  const cases: [string, () => Promise<string>][] = [
    ['Python http.server (501 page)', pythonServer],
    ['a 404 web page', () => someoneElses(404, 'text/html', '<html><body>Not Found</body></html>')],
    [
      "a web framework's JSON 404",
      () => someoneElses(404, 'application/json', '{"message":"Route not found","error":"Not Found","statusCode":404}'),
    ],
    ['a 200 web page', () => someoneElses(200, 'text/html', '<!doctype html><title>Router login</title>')],
    ['a 200 JSON that is no enrolment answer', () => someoneElses(200, 'application/json', '{"status":"ok"}')],
  ];
  for (const [name, start] of cases) {
    it(`${name}: ENROLMENT_NOT_A_SERVER, nothing changed`, async () => {
      const { failure, state, token } = await enrolAt(await start());
      expect(failure.code).toBe('ENROLMENT_NOT_A_SERVER');
      expect(state).toMatchObject({ server_url: null, property_id: null, enrolled_at: null });
      expect(token).toBeNull();
    });
  }

  it('our own server refusing a wrong code still blames the code', async () => {
    ours = await startTestServer();
    const { failure, state } = await enrolAt(ours.url, 'WRONG-CODE-0000');
    expect(failure.code).toBe('ENROLMENT_CODE_INVALID');
    expect(state.server_url).toBeNull();
  });
});
