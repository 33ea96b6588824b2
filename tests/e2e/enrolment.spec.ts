/**
 * Connecting a set-up desk to the central server from Settings: the administrator types the
 * password again; plain http:// to another machine is refused until "insecure (lab only)" is
 * ticked, and from then on the header warns. The server process listens on loopback; a relay on
 * one of this machine's network addresses stands for "a server over the network".
 */
import net from 'node:net';
import os from 'node:os';
import { expect, shot, test } from './harness';
import { signIn } from './steps';
import { ServerProcess } from '../support/server-process';

function networkAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** Forwards TCP from `host` (a network address) to the server on loopback. */
async function relay(host: string, port: number): Promise<{ url: string; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as net.AddressInfo).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

test('plain http to another machine needs the password and the lab option, and the header warns', async ({ demoDesk, page }) => {
  const address = networkAddress();
  test.skip(!address, 'this machine has no network address besides loopback');
  const server = await ServerProcess.start('sqlite');
  const link = await relay(address!, server.port);
  try {
    await page.goto(demoDesk.url);
    await signIn(page, 'admin', 'demo-admin-1');
    await page.getByTestId('nav-settings').click();

    await page.getByTestId('sync-enrol-url').fill(link.url);
    await expect(page.getByTestId('sync-enrol-insecure')).toBeVisible();
    await page.getByTestId('sync-enrol-code').fill(await server.issueCode());
    await page.getByTestId('sync-enrol-password').fill('demo-admin-1');
    await page.getByTestId('sync-enrol-submit').click();
    await expect(page.getByTestId('sync-enrol-error')).toContainText('https://');

    // A wrong password: refused, and the field is emptied.
    await page.getByTestId('sync-enrol-insecure').check();
    await page.getByTestId('sync-enrol-password').fill('not-my-password');
    await page.getByTestId('sync-enrol-submit').click();
    await expect(page.getByTestId('sync-enrol-error')).toContainText('密码错误');
    await expect(page.getByTestId('sync-enrol-password')).toHaveValue('');
    await page.getByTestId('sync-enrol-password').fill('demo-admin-1');
    await shot(page, 'sync-enrol-insecure-form');

    await page.getByTestId('sync-enrol-submit').click();
    await expect(page.getByTestId('sync-enrol-result')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sync-insecure')).toHaveText('不安全连接（仅限实验）');
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
    await expect(page.getByTestId('sync-insecure-note')).toBeVisible();
    await shot(page, 'sync-header-insecure');
  } finally {
    link.close();
    await server.close();
  }
});
