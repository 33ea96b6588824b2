/** Call-backs: a walk-in's first stay checked out at the desk is on the list to call, and the agent records the guest's score and words. */
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { settled, walkInAsAgent } from './steps';

/** Waits for the toasts of the steps so far to close on their own, so a screenshot shows the page under them. */
async function dismissNotifications(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
}

test('a first stay checked out is called back within a day: reached, scored 4, in the guest’s words', async ({
  page,
  demoDesk,
}) => {
  // A new guest's walk-in, checked in, paid and checked out.
  const { number, drawer } = await walkInAsAgent(page, demoDesk.url, '周晓雨', '豪华');
  await expect(drawer.getByTestId('check-in-room')).not.toHaveValue('');
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');
  // The balance is taken in the check-out panel, which then checks out (收款并退房).
  await drawer.getByTestId('booking-action-checkOut').click();
  await drawer.getByTestId('check-out-submit').click();
  await drawer.getByTestId('pay-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('已退房');
  await expect(drawer.getByTestId('booking-balance')).toContainText('0.00');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // On the list to call, due a day after check-out.
  await page.getByTestId('nav-callbacks').click();
  const row = page.getByTestId(`callback-row-${number}`);
  await expect(row).toContainText('首次入住');
  await expect(row).toContainText('周晓雨');
  await expect(row).toContainText('0 次');
  await expect(row).not.toContainText('已超时');
  await dismissNotifications(page);
  await settled(page.getByTestId('callbacks-list'));
  await shot(page, 'callbacks-open');

  // The first call: the guest asks to be called again; the time is entered in the hotel's zone.
  await row.click();
  const form = page.getByRole('dialog');
  await expect(form.getByTestId('callback-task')).toContainText(number);
  await form.getByTestId('callback-outcome-call_again').check();
  // Proposed two hours on, on the hour: the date in Chinese, the time on a 24-hour clock; half past typed in.
  await expect(form.getByTestId('callback-call-again-at')).toHaveValue(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(form.getByTestId('callback-call-again-time-minutes')).toHaveValue('00');
  await form.getByTestId('callback-call-again-time-minutes').fill('30');
  await expect(form.getByTestId('callback-call-again-time-minutes')).toHaveValue('30');
  const asked = `${await form.getByTestId('callback-call-again-time-hours').inputValue()}:30`;
  await form.getByTestId('callback-words-input').fill('正在开会，晚点再打');
  await form.getByTestId('callback-record-submit').click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('1 次');
  await expect(row).toContainText('客人约定');
  await expect(row.getByTestId('callback-due')).toContainText(asked);

  // The second: reached, four stars, in the guest's own words.
  await dismissNotifications(page);
  await row.click();
  await expect(form).toContainText('上次：客人约定再打');
  await expect(form).toContainText('正在开会，晚点再打');
  await form.getByTestId('callback-outcome-reached').check();
  // The fourth star: the label a person clicks stands for the (hidden) radio named 4 分.
  const four = await form.getByRole('radio', { name: '4 分', exact: true }).getAttribute('id');
  await form.locator(`label[for="${four}"]`).click();
  await form.getByTestId('callback-words-input').fill('前台办理很快，房间安静，早餐可以再丰富些');
  await settled(form);
  await shot(page, 'callbacks-record');
  await form.getByTestId('callback-record-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('callbacks-list')).toContainText('没有回访任务');

  await page.getByTestId('callbacks-view').getByText('已完成').click();
  const done = page.getByTestId(`callback-row-${number}`);
  await expect(done.getByTestId('callback-words')).toHaveText('前台办理很快，房间安静，早餐可以再丰富些');
  await expect(done).toContainText('李娜');
  await expect(done.getByTestId('callback-score')).toHaveAttribute('aria-label', '4 分');
  await dismissNotifications(page);
  await settled(page.getByTestId('callbacks-list'));
  await shot(page, 'callbacks-done');
});
