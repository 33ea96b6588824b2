/**
 * What the sync tests put between desks and the server: a server that can be stopped and started
 * again on the same address, and a loopback TCP proxy that can lose the server's answers.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { createServer, openServerDatabase, type DatabaseLocation, type ServerDatabase } from '../../src-server';
import { createPostgresDatabase } from '../server/harness';

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The in-process server on a fixed port, so a desk's stored server URL survives a restart. */
export class StoppableServer {
  private app: FastifyInstance | null = null;

  private constructor(
    readonly db: ServerDatabase,
    readonly port: number,
  ) {}

  static async start(db: ServerDatabase): Promise<StoppableServer> {
    const server = new StoppableServer(db, await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async resume(): Promise<void> {
    this.app = createServer({ db: this.db });
    await this.app.listen({ host: '127.0.0.1', port: this.port });
  }
}

/**
 * Forwards loopback connections to `target`. In 'lose-answers' mode the request reaches the
 * server, but the connection is cut as the answer starts coming back: the server has acted,
 * the desk never hears of it.
 */
export class FlakyProxy {
  mode: 'pass' | 'lose-answers' = 'pass';
  lost = 0;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;

  private constructor(private readonly target: number) {
    this.server = net.createServer((client) => this.connect(client));
  }

  static async start(target: number): Promise<FlakyProxy> {
    const proxy = new FlakyProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (this.mode === 'lose-answers') {
        this.lost += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** An empty server database on either backend: a temp folder, or a fresh database in the test cluster. */
export async function serverDatabase(backend: 'sqlite' | 'postgres'): Promise<{ db: ServerDatabase; location: DatabaseLocation }> {
  const location: DatabaseLocation =
    backend === 'sqlite' ? { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-')) } : { databaseUrl: await createPostgresDatabase(inject('pgAdminUrl')) };
  return { db: await openServerDatabase(location), location };
}
