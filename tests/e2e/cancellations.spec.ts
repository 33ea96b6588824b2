/** Cancelling at the desk: free inside the grace period; past the deadline the penalty shows, and a supervisor waives half of it. */
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { fillApprovalRequest, signIn } from './steps';

const yuanToFen = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);

async function openCancel(page: Page) {
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('cancellation-terms')).toBeVisible();
  await drawer.getByTestId('booking-action-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await expect(dialog.getByTestId('cancel-quote-penalty')).toBeVisible();
  return dialog;
}

test('a booking cancelled inside its grace period costs nothing; one past its deadline is charged and a supervisor waives half', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-desk').click();

  // A walk-in booked now under the rack rate: its 2-hour grace period has just begun.
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('intake-new-guest-name')).toBeFocused();
  await page.keyboard.type('宋雨');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-room-type')).toBeFocused();
  await page.keyboard.type('标准大床');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-rate-plan').click();
  await page.getByRole('option', { name: '门市价' }).click();
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-created-number')).toBeVisible();
  await page.getByTestId('intake-check-in').click();

  let dialog = await openCancel(page);
  await expect(dialog.getByTestId('cancel-quote-penalty')).toHaveText('¥0.00');
  await expect(dialog.getByTestId('cancel-quote-rule')).toContainText('宽限期');
  await shot(page, '80-cancel-in-grace');
  await dialog.getByTestId('cancel-submit').click();
  await expect(dialog.getByTestId('cancel-result-number')).toHaveText(/^X\d{6}-/);
  await expect(dialog.getByTestId('cancel-result-penalty')).toHaveText('¥0.00');
  await dialog.getByTestId('cancel-result-close').click();
  await expect(page.getByTestId('booking-drawer').getByTestId('booking-status')).toContainText('已取消');

  // Today's first arrival was booked three days ago: 18:00 yesterday has passed, the first night is due.
  await page.getByTestId('booking-drawer').press('Escape');
  await page
    .getByTestId('desk-list-arrivals')
    .getByTestId(/^day-row-/)
    .first()
    .click();
  dialog = await openCancel(page);
  await expect(dialog.getByTestId('cancel-quote-rule')).toContainText('按规则');
  const penalty = yuanToFen((await dialog.getByTestId('cancel-quote-penalty').textContent())!);
  expect(penalty).toBeGreaterThan(0);
  await shot(page, '81-cancel-after-deadline');
  await dialog.getByTestId('cancel-submit').click();
  await expect(dialog.getByTestId('cancel-result-penalty')).toHaveText(`¥${(penalty / 100).toFixed(2)}`);

  // Waiving half goes to a supervisor, who approves on this screen with their own password.
  await dialog.getByTestId('cancel-result-waive').click();
  await page.getByTestId('waive-penalty').fill(String(penalty / 200));
  await page.getByTestId('waive-reason').fill('老客户，减半');
  await page.getByTestId('waive-submit').click();
  await fillApprovalRequest(page, {
    reason: '老客户，主管同意减半',
    username: 'supervisor',
    password: 'demo-supervisor-1',
  });
  await shot(page, '82-waive-approval');
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('cancel-result-penalty')).toHaveText(`¥${(penalty / 200).toFixed(2)}`);
  await expect(page.getByTestId('cancel-result-waived')).toHaveText(`¥${(penalty / 200).toFixed(2)}`);
  await shot(page, '83-waived');

  // Both are on the cancellation list of today.
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-cancellations').click();
  await expect(page.getByTestId('cancellations-table').getByTestId(/^cancellation-row-/)).toHaveCount(2);
  await shot(page, '84-cancellations');
});
