/** The complaint policy in settings: an admin shortens the major complaint's targets and marks a day off the package does not know yet. */
import { expect, shot, test } from './harness';
import { fillDate, settled, signIn, signOut } from './steps';

test('an admin changes the major targets and adds a day off, seeing what the official calendar says of it', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await page.getByTestId('nav-settings').click();
  const policy = page.getByTestId('settings-complaint-policy');
  await expect(policy).toContainText('投诉时限与工作日历');

  // Major: respond within 12 hours instead of 24, resolve within 2 working days instead of 72 hours.
  const major = policy.getByTestId('complaint-target-major');
  await expect(major.getByTestId('complaint-target-major-respond-amount')).toHaveValue('24');
  await expect(major.getByTestId('complaint-target-major-save')).toBeDisabled();
  await major.getByTestId('complaint-target-major-respond-amount').fill('12');
  await major.getByTestId('complaint-target-major-resolve-amount').fill('2');
  await major.getByTestId('complaint-target-major-resolve-unit').click();
  await page.getByRole('option', { name: '工作日' }).click();
  await major.getByTestId('complaint-target-major-save').click();
  await expect(page.getByText('已保存重大投诉的时限')).toBeVisible();
  await expect(major.getByTestId('complaint-target-major-save')).toBeDisabled();
  const targets = await demoDesk.rpc('complaints.targets');
  expect(targets.value).toContainEqual({
    severity: 'major',
    respond: { amount: 12, unit: 'hours' },
    resolve: { amount: 2, unit: 'working_days' },
  });

  // Monday 8 February 2027, in the Spring Festival week the package has no schedule for yet.
  await expect(policy.getByTestId('calendar-corrections')).toContainText('没有更正');
  await fillDate(policy.getByTestId('calendar-date'), '2027-02-08');
  await expect(policy.getByTestId('calendar-official')).toHaveText('法定日历：2027-02-08（周一）是工作日');
  await policy.getByTestId('calendar-note').fill('2027 年春节');
  await policy.getByTestId('calendar-add').click();
  const row = policy.getByTestId('calendar-correction-2027-02-08');
  await expect(row).toContainText('休息日');
  await expect(row).toContainText('工作日');
  await expect(row).toContainText('2027 年春节');
  await expect(policy.getByTestId('calendar-date')).toHaveValue('');
  expect((await demoDesk.rpc('complaints.calendar', { from: null })).value).toEqual([
    { date: '2027-02-08', working: false, note: '2027 年春节' },
  ]);

  // Picking a Saturday and "day off" is what the calendar says already: the form says so.
  await fillDate(policy.getByTestId('calendar-date'), '2027-02-13');
  await expect(policy.getByTestId('calendar-official')).toContainText('与法定日历相同');
  await fillDate(policy.getByTestId('calendar-date'), '');
  // The settings page is longer than the window (the property's address and times, the archive policy): the targets brought into view.
  await policy.getByTestId('complaint-targets').scrollIntoViewIfNeeded();
  await settled(policy.getByTestId('complaint-targets'));
  await shot(page, 'complaint-policy');

  // A director keeps the backups in settings, not the complaint policy.
  await signOut(page);
  await signIn(page, 'director', 'demo-director-1');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-backups')).toBeVisible();
  await expect(page.getByTestId('settings-complaint-policy')).toHaveCount(0);
});
