/**
 * The browser harness: a plain Node HTTP server on 127.0.0.1 that hosts the desk's services and
 * the built renderer, so the real UI runs in a browser (Playwright) without Electron.
 * `POST /rpc/<operation>` with a JSON body and `Authorization: Bearer <token>`; the answer is
 * the same Result value the IPC bridge returns. The session lives here, as it lives in main.
 * `GET /events` with the same token is a Server-Sent Events stream of the desk's events, what
 * the preload's `subscribe` relays inside Electron.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import type { Result } from '@shared/errors';
import type { DeskHost } from '../host/desk-host';
import type { DeskEvents } from '../services/desk-events';
import { serveStatic } from './static-files';

export interface HarnessOptions {
  /** The desk's services, or its recovery surface while its database cannot be opened. */
  host: Pick<DeskHost, 'call'>;
  /** The host's events (kept across a restore), streamed on `GET /events`. */
  events: Pick<DeskEvents, 'subscribe'>;
  rendererDir: string;
  token: string;
  port: number;
}

export interface Harness {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The largest request body: one archive upload chunk (ARCHIVE_CHUNK_BYTES of plaintext, base64,
 * so a third larger) and its JSON envelope must fit.
 */
const MAX_BODY = Math.ceil((ARCHIVE_CHUNK_BYTES * 4) / 3) + 64 * 1024;

function send(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Holds the response open and writes each event as `data: <name>`; a closed connection unsubscribes. */
function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, events: HarnessOptions['events']): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
  // A first line at once, so the browser knows the stream is open before any event.
  res.write(': open\n\n');
  const unsubscribe = events.subscribe((event) => res.write(`data: ${event}\n\n`));
  req.on('close', unsubscribe);
}

export async function startHarness({ host, events, rendererDir, token, port }: HarnessOptions): Promise<Harness> {
  let allowedHosts = new Set<string>();
  const server = http.createServer((req, res) => {
    // Only this machine's loopback names: a page elsewhere cannot rebind its DNS onto us.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    const url = req.url ?? '/';
    if (url === '/events') {
      if (req.method !== 'GET') res.writeHead(405).end();
      else if (!tokenMatches(req.headers.authorization, token))
        send(res, 401, { ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      else streamEvents(req, res, events);
      return;
    }
    if (!url.startsWith('/rpc/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(rendererDir, url, res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      send(res, 401, { ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      return;
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      send(res, 415, { ok: false, error: { code: 'INPUT_INVALID', params: { fields: '(content-type)' } } });
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.slice('/rpc/'.length));
    } catch {
      // A malformed percent-encoding (`/rpc/%E0%A4%A`) names no operation.
      send(res, 400, { ok: false, error: { code: 'UNKNOWN_OPERATION', params: { name: '(malformed)' } } });
      return;
    }
    readBody(req)
      .then(async (body) => {
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body) : {};
        } catch {
          send(res, 400, { ok: false, error: { code: 'INPUT_INVALID', params: { fields: '(json)' } } });
          return;
        }
        send(res, 200, await host.call(name, input));
      })
      .catch(() => send(res, 413, { ok: false, error: { code: 'INPUT_INVALID', params: { fields: '(size)' } } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps idle keep-alive connections open; they would hold the close forever.
        server.closeAllConnections();
      }),
  };
}
