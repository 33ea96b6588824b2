/**
 * The central server as its own process on 127.0.0.1 (`src-server/cli.ts`), on SQLite or on a
 * database in a throwaway PostgreSQL cluster, on a fixed port so that an enrolled desk's stored
 * URL survives a stop and a restart. Used by the sync fault tests, the e2e tests and the bench;
 * free of any test runner.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueEnrolmentCode, openServerDatabase, type DatabaseLocation, type ServerDatabase } from '../../src-server';
import { createPostgresDatabase } from '../server/harness';

export type Backend = 'sqlite' | 'postgres';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A throwaway cluster from scripts/pg-throwaway.mjs; stop() removes it. */
export interface Cluster {
  url: string;
  stop(): void;
}

export function startCluster(): Cluster {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/pg-throwaway.mjs'), 'start'], {
    encoding: 'utf8',
  });
  const { url, dir } = JSON.parse(out.trim().split('\n').at(-1)!) as { url: string; dir: string };
  return {
    url,
    stop: () =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/pg-throwaway.mjs'), 'stop', '--dir', dir], {
        stdio: 'inherit',
      }),
  };
}

/**
 * The server process on a fixed port (so an enrolled desk's stored URL survives a stop), plus a
 * connection of our own to its database for what the administrator's `code` command does.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;

  private constructor(
    readonly backend: Backend,
    readonly location: DatabaseLocation,
    readonly db: ServerDatabase,
    readonly port: number,
  ) {}

  /** `adminUrl`: the PostgreSQL cluster's maintenance database, in which a fresh database is made. */
  static async start(backend: Backend, adminUrl: string | null = null): Promise<ServerProcess> {
    const location: DatabaseLocation =
      backend === 'sqlite'
        ? { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-server-')) }
        : { databaseUrl: await createPostgresDatabase(adminUrl!, 'yingbin') };
    const server = new ServerProcess(backend, location, await openServerDatabase(location), await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  issueCode(propertyId?: string): Promise<string> {
    return issueEnrolmentCode(this.db, { propertyId, hours: 1 });
  }

  async resume(): Promise<void> {
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const args = ['--import', 'tsx', 'src-server/cli.ts', '--port', String(this.port), '--host', '127.0.0.1'];
    if ('dataDir' in this.location) args.push('--data-dir', this.location.dataDir);
    else env['DATABASE_URL'] = this.location.databaseUrl;
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${seen}`)));
    });
    child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(`[server] ${chunk.toString()}`));
  }

  /** The server's resident and peak memory (Linux), in MiB. */
  memory(): { rss: number; peak: number } | null {
    try {
      const status = fs.readFileSync(`/proc/${this.child!.pid}/status`, 'utf8');
      const kib = (field: string) =>
        Number(/(\d+) kB/.exec(status.split('\n').find((line) => line.startsWith(field)) ?? '')?.[1] ?? NaN);
      return { rss: kib('VmRSS:') / 1024, peak: kib('VmHWM:') / 1024 };
    } catch {
      return null;
    }
  }

  /** SIGTERM: the server finishes what it is doing and exits. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  /** SIGKILL: the server dies on the spot, mid-request if it is in one. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.child = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.db.close();
    if ('dataDir' in this.location) fs.rmSync(this.location.dataDir, { recursive: true, force: true });
  }
}
