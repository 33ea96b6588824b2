/**
 * Connecting a set-up desk to the central server from Settings: the administrator types the
 * password again; plain http:// to another machine is refused until "insecure (lab only)" is
 * ticked, and from then on the header warns.
 */
import { expect, shot, test } from './harness';
import { signIn } from './steps';
import { ServerProcess } from '../support/server-process';

/**
 * "A server over the network" on any machine: the IPv4-mapped IPv6 form of 127.0.0.1, which the
 * transport rule does not take for loopback (only 127.0.0.0/8, ::1 and localhost) and the kernel
 * still delivers to the server process listening on 127.0.0.1.
 */
const overTheNetwork = (port: number) => `http://[::ffff:127.0.0.1]:${port}`;

test('plain http to another machine needs the password and the lab option, and the header warns', async ({
  demoDesk,
  page,
}) => {
  const server = await ServerProcess.start('sqlite');
  try {
    await page.goto(demoDesk.url);
    await signIn(page, 'admin', 'demo-admin-1');
    await page.getByTestId('nav-settings').click();

    await page.getByTestId('sync-enrol-url').fill(overTheNetwork(server.port));
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
    await server.close();
  }
});
