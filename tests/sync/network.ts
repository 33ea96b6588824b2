/** A loopback TCP proxy that can cut a request before the server sees it or lose the server's answer, for the sync fault tests. */
import net from 'node:net';

/**
 * Forwards loopback connections to `target`. 'before': the connection is cut as the request
 * arrives, so the server never sees it; 'after' (lose the answer): the request reaches the server,
 * but the connection is cut as the answer starts coming back — the server has acted, the desk never
 * hears of it. `lost` counts the cuts.
 */
export class FlakyProxy {
  mode: 'pass' | 'before' | 'after' = 'pass';
  lost = 0;
  private trap: { prefix: string; left: number; action: () => Promise<unknown> } | null = null;
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

  /**
   * When the `nth` request whose first line starts with `prefix` (e.g. 'POST /sync/push') arrives,
   * holds it, runs `action` (kill the server) and only then lets it through: the earlier requests
   * were answered, this one meets whatever `action` left.
   */
  onRequest(prefix: string, nth: number, action: () => Promise<unknown>): void {
    this.trap = { prefix, left: nth, action };
  }

  private trapped(chunk: Buffer): (() => Promise<unknown>) | null {
    const trap = this.trap;
    if (!trap || chunk.toString('latin1', 0, trap.prefix.length) !== trap.prefix) return null;
    trap.left -= 1;
    if (trap.left > 0) return null;
    this.trap = null;
    return trap.action;
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    const cut = () => {
      this.lost += 1;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => {
      if (this.mode === 'before') return cut();
      const action = this.trapped(chunk);
      if (!action) return upstream.write(chunk);
      client.pause();
      void action().then(() => {
        upstream.write(chunk);
        client.resume();
      });
    });
    upstream.on('data', (chunk) => (this.mode === 'after' ? cut() : client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
