/** Steps of the sync stories in the browser: connect a desk, sync now, wait until it is in step. */
import type { Page } from '@playwright/test';
import { expect } from './harness';
import { signIn, signOut } from './steps';

/** 立即同步 from the header's popover, waiting for the run to be over. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-state').click();
  await page.getByTestId('sync-now').click();
  await page.getByTestId('sync-state').click();
  await expect(page.getByTestId('sync-now')).toBeHidden();
}

/** Online, with nothing waiting to go up. */
export async function expectSynced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
  await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 20_000 });
}

/** `password`: the signed-in administrator's, typed again on a desk that is set up; the first-run join screen asks for none. */
export async function enrol(page: Page, url: string, code: string, password?: string): Promise<void> {
  await page.getByTestId('sync-enrol-url').fill(url);
  await page.getByTestId('sync-enrol-code').fill(code);
  if (password) await page.getByTestId('sync-enrol-password').fill(password);
  else await expect(page.getByTestId('sync-enrol-password')).toHaveCount(0);
  await page.getByTestId('sync-enrol-submit').click();
}

/**
 * A desk that has just joined from its first-run screen holds the property's rows but not its key:
 * the demo hotel's administrator sees the banner, unlocks it once with the recovery passphrase in
 * Settings, and signs out again.
 */
export async function unlockJoinedDesk(page: Page): Promise<void> {
  await signIn(page, 'admin', 'demo-admin-1');
  await expect(page.getByTestId('vault-locked-alert')).toBeVisible();
  await page.getByTestId('vault-locked-unlock').click();
  await page.getByTestId('vault-unlock-passphrase').fill('demo-recovery-lantern-morning');
  await page.getByTestId('vault-unlock-submit').click();
  await expect(page.getByTestId('vault-state')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('vault-locked-alert')).toHaveCount(0);
  await signOut(page);
}
