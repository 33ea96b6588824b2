/**
 * A desk whose database file was cut short: instead of a raw error the app explains what happened,
 * lists the encrypted backup it made, refuses a wrong recovery passphrase and restores with the
 * right one, then goes on to sign-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_RECOVERY_PASSPHRASE, DEMO_STAFF } from '../../src-main/services/demo/demo-hotel';
import { expect, shot, test } from './harness';
import { signIn } from './steps';

const backups = (dataDir: string) => {
  const folder = path.join(dataDir, 'backups');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.ybk')) : [];
};

test('a truncated database brings up the recovery screen; a restore with the passphrase leads to sign-in', async ({
  page,
  demoDesk,
}) => {
  // The harness makes the day's encrypted backup as it starts.
  await expect.poll(() => backups(demoDesk.dataDir).length).toBe(1);
  const desk = await demoDesk.restart((dataDir) => {
    const file = path.join(dataDir, 'yingbin.db');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  });

  await page.goto(desk.url);
  await expect(page.getByTestId('recovery-screen')).toBeVisible();
  await expect(page.getByTestId('recovery-problem')).toHaveAttribute('data-kind', 'truncated');
  await expect(page.getByTestId('recovery-problem')).toContainText('数据库文件不完整');
  await expect(page.getByTestId('recovery-backup')).toHaveCount(1);
  await expect(page.getByTestId('recovery-backup')).toContainText('完整');
  await expect(page.getByTestId('recovery-chosen')).toContainText(backups(desk.dataDir)[0]!);
  await shot(page, 'recovery-truncated');

  await page.getByTestId('recovery-passphrase').fill('not-the-passphrase');
  await page.getByTestId('recovery-restore').click();
  await expect(page.getByTestId('recovery-error')).toContainText('恢复口令不正确，未做任何更改');
  await expect(page.getByTestId('recovery-screen')).toBeVisible();

  await page.getByTestId('recovery-passphrase').fill(DEMO_RECOVERY_PASSPHRASE);
  await page.getByTestId('recovery-restore').click();
  await expect(page.getByTestId('signin-username')).toBeVisible();
  await shot(page, 'recovery-restored-signin');

  const admin = DEMO_STAFF.find((member) => member.username === 'admin')!;
  await signIn(page, admin.username, admin.password);
  await expect(page.getByTestId('header-property')).toBeVisible();
  // No second location yet: whoever manages backups is told in the header.
  await expect(page.getByTestId('second-copy-warning')).toBeVisible();
  // The cut-short file is kept beside the restored one.
  expect(fs.readdirSync(desk.dataDir).some((name) => name.startsWith('yingbin.db.replaced-'))).toBe(true);
});

test('a new PC restores the old desk’s backup from a drive at first run, with the passphrase, and signs in', async ({
  page,
  demoDesk,
  desk,
}) => {
  await expect.poll(() => backups(demoDesk.dataDir).length).toBe(1);
  const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-usb-'));
  try {
    const name = backups(demoDesk.dataDir)[0]!;
    fs.copyFileSync(path.join(demoDesk.dataDir, 'backups', name), path.join(drive, name));

    await page.goto(desk.url);
    await page.getByTestId('setup-restore').click();
    await page.getByTestId('restore-fresh-folder').fill(drive);
    await page.getByTestId('restore-fresh-find').click();
    await expect(page.getByTestId('recovery-backup')).toHaveCount(1);
    await expect(page.getByTestId('recovery-chosen')).toContainText(name);
    await page.getByTestId('recovery-passphrase').fill('not-the-passphrase');
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-error')).toContainText('恢复口令不正确，未做任何更改');
    await page.getByTestId('recovery-passphrase').fill(DEMO_RECOVERY_PASSPHRASE);
    await shot(page, 'recovery-new-pc');
    await page.getByTestId('recovery-restore').click();

    await expect(page.getByTestId('signin-username')).toBeVisible();
    const admin = DEMO_STAFF.find((member) => member.username === 'admin')!;
    await signIn(page, admin.username, admin.password);
    await expect(page.getByTestId('header-property')).toContainText('迎宾示范酒店');
  } finally {
    fs.rmSync(drive, { recursive: true, force: true });
  }
});
