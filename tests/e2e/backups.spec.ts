/**
 * Backups at the desk: the header warns the admin that no second copy exists; setting the second
 * location (a drive stands in as a temporary folder) and backing up makes a verified copy there,
 * and the warning goes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_STAFF } from '../../src-main/services/demo/demo-hotel';
import { expect, shot, test } from './harness';
import { signIn } from './steps';

test('the admin sets a second location, backs up, and the header stops warning', async ({ page, demoDesk }) => {
  const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-e2e-drive-'));
  try {
    const admin = DEMO_STAFF.find((member) => member.username === 'admin')!;
    await page.goto(demoDesk.url);
    await signIn(page, admin.username, admin.password);
    await expect(page.getByTestId('second-copy-warning')).toHaveText('还没有第二份备份');
    await shot(page, 'backups-header-warning');

    await page.getByTestId('second-copy-warning').click();
    await expect(page.getByTestId('settings-backups')).toBeVisible();
    await page.getByTestId('second-folder').fill(drive);
    await page.getByTestId('second-max-days').fill('3');
    await page.getByTestId('second-save').click();
    await expect(page.getByText('第二份备份设置已保存')).toBeVisible();
    // The stand-in drive is a folder on this very disk, and the screen says so.
    await expect(page.getByTestId('second-folder-warning')).toContainText('同一块磁盘');

    await page.getByTestId('backup-run').click();
    await expect(page.getByText('备份完成，第二份已复制并校验')).toBeVisible();
    await expect(page.getByTestId('second-copy-warning')).toHaveCount(0);
    await expect(page.getByTestId('second-last-copy')).toContainText('上次校验通过的第二份备份');
    const copies = fs.readdirSync(drive).filter((name) => name.endsWith('.ybk'));
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(drive, copies[0]!))).toEqual(
      fs.readFileSync(path.join(demoDesk.dataDir, 'backups', copies[0]!)),
    );
    await shot(page, 'backups-second-copy');
  } finally {
    fs.rmSync(drive, { recursive: true, force: true });
  }
});
