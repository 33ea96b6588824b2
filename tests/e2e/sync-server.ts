/** The central server as its own process for the e2e tests: started, stopped and started again on the same port. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const cli = ['--import', 'tsx', 'src-server/cli.ts'];

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export class SyncServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<SyncServer> {
    const server = new SyncServer(fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-e2e-server-')), await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A one-time enrolment code, as an administrator makes it on the server. */
  code(propertyId?: string): string {
    const args = [...cli, 'code', '--data-dir', this.dataDir, ...(propertyId ? ['--property', propertyId] : [])];
    return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
  }

  async resume(): Promise<void> {
    const child = spawn(process.execPath, [...cli, '--data-dir', this.dataDir, '--port', String(this.port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`sync server exited (${code})`)));
    });
    this.child = child;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }
}
