/** Members and points: enrolment from the guest profile, an adjustment through approval, redemption on a booking, earning at check-out, care tasks. */
import { expect, shot, test } from './harness';
import { fillApprovalRequest, fillDate, openGuestBySearch, pickIntakeGuest, settled, signIn, signOut } from './steps';

const GUEST = 'C00000012';

test('a guest enrols, gets points through approval, redeems some on a stay, is refused an over-redemption and earns on check-out', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  const day = (await demoDesk.rpc('bookings.day')).value as { businessDate: string };
  const birthday = `1990-${day.businessDate.slice(5)}`;

  // 入会 from the guest profile: card number and a birthday this week.
  await openGuestBySearch(page, GUEST);
  const profile = page.getByTestId('guest-drawer');
  await profile.getByTestId('member-enroll').click();
  await page.getByTestId('member-enroll-card-no').fill('VIP-2026');
  await fillDate(page.getByTestId('member-enroll-birthday'), birthday);
  await page.getByTestId('member-enroll-submit').click();
  const card = profile.getByTestId('member-card');
  await expect(card.getByTestId('member-no')).toHaveText(/^M\w+\d{6}$/);
  await expect(card.getByTestId('member-card-no')).toHaveText('VIP-2026');
  await expect(card.getByTestId('member-tier')).toHaveText('普通');
  await expect(card.getByTestId('member-balance')).toHaveText('0');

  // 积分调整 is held: a supervisor approves at the desk (and, holding the permission, reviews too).
  await profile.getByTestId('member-adjust').click();
  await page.getByTestId('member-adjust-points').fill('5000');
  await page.getByTestId('member-adjust-note').fill('开业赠送');
  await page.getByTestId('member-adjust-submit').click();
  const dialog = page.getByRole('dialog', { name: '此操作需要审批' });
  await expect(dialog.getByTestId('approval-held-operation')).toContainText('积分调整');
  await expect(dialog.getByTestId('approval-awaiting')).toContainText('需要第二人复核');
  await fillApprovalRequest(page, {
    reason: '开业活动赠送积分',
    username: 'supervisor',
    password: 'demo-supervisor-1',
  });
  await dialog.getByTestId('approval-submit').click();
  await expect(page.getByText('审批通过，操作已执行')).toBeVisible();
  await expect(card.getByTestId('member-balance')).toHaveText('5,000');
  await expect(profile.getByTestId('member-ledger').getByTestId('ledger-row-adjust')).toContainText('+5,000');
  await settled(profile);
  await shot(page, '90-member-card');
  await page.keyboard.press('Escape');

  // A booking for the member: the points check shows as soon as the guest is picked.
  await pickIntakeGuest(page, GUEST);
  await expect(page.getByTestId('intake-points-check')).toContainText('5,000 分');
  await expect(page.getByTestId('intake-points-available')).toHaveText('本次可用 5,000 分');
  await shot(page, '91-intake-points-check');
  await page.keyboard.type('豪华');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-quote-total')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-check-in')).toBeFocused();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('booking-drawer');
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');

  // 积分抵扣: 3,000 points become a points payment, waiting for the server.
  await drawer.getByTestId('booking-action-redeem').click();
  await expect(drawer.getByTestId('redeem-hint')).toContainText('本次可用 5,000 分');
  await drawer.getByTestId('redeem-points').fill('3000');
  await drawer.getByTestId('redeem-submit').click();
  await expect(drawer.getByTestId('payment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('payment-row')).toContainText('积分');
  await expect(drawer.getByTestId('payment-row')).toContainText('30.00');
  await expect(drawer.getByTestId('redeem-balance')).toContainText('2,000 分');
  await expect(drawer.getByTestId('redeem-pending')).toHaveText('待同步 3,000 分');

  // More than is left: the hint warns and 确认 cannot be pressed (the services refuse it too: members.test.ts).
  await drawer.getByTestId('booking-action-redeem').click();
  await drawer.getByTestId('redeem-points').fill('5000');
  await expect(drawer.getByTestId('redeem-hint')).toHaveText('超过本次可用的 2,000 分');
  await expect(drawer.getByTestId('redeem-submit')).toBeDisabled();
  await drawer.getByTestId('redeem-points').press('Enter');
  await expect(drawer.getByTestId('redeem-form')).toBeVisible();
  await expect(drawer.getByTestId('payment-row')).toHaveCount(1);
  await settled(drawer);
  await shot(page, '92-over-redemption-refused');
  await drawer.getByTestId('redeem-form').getByRole('button', { name: '取消' }).click();

  // The rest in cash, then check-out earns a point per yuan of room spend not paid with points.
  const bookingId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('booking')!;
  const { totalFen } = (await demoDesk.rpc('bookings.get', { id: bookingId })).value as { totalFen: number };
  const earned = Math.floor((totalFen - 3_000) / 100);
  await drawer.getByTestId('booking-action-pay').click();
  await drawer.getByTestId('pay-submit').click();
  await expect(drawer.getByTestId('booking-balance')).toContainText('0.00');
  await drawer.getByTestId('booking-action-checkOut').click();
  await drawer.getByTestId('check-out-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('已退房');
  await page.keyboard.press('Escape');

  await openGuestBySearch(page, GUEST);
  await expect(card.getByTestId('member-balance')).toHaveText((2_000 + earned).toLocaleString('en-US'));
  await expect(card.getByTestId('member-pending')).toHaveText('待同步 3,000 分');
  await expect(profile.getByTestId('member-ledger').getByTestId('ledger-row-earn')).toContainText(
    `+${earned.toLocaleString('en-US')}`,
  );
  await expect(profile.getByTestId('member-ledger').getByTestId('ledger-row-redeem')).toContainText('待同步');
  await page.keyboard.press('Escape');

  // 会员: the card looked up by its number, and this week's birthday ticked off.
  await page.getByTestId('nav-members').click();
  await page.getByTestId('member-lookup').fill('vip-2026');
  await page.getByTestId('member-lookup-submit').click();
  await expect(page.getByTestId('member-card').getByTestId('member-card-no')).toHaveText('VIP-2026');
  const task = page.getByTestId('care-tasks').locator('[data-testid^="care-birthday-"]');
  await expect(task).toContainText(`生日 ${day.businessDate.slice(5)}`);
  await task.getByTestId('care-tick').click();
  await expect(task.getByTestId('care-done')).toContainText('李娜');
  await expect(page.getByTestId('member-tiers').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('members-reevaluate')).toHaveCount(0);
  await shot(page, '93-members-page-care');

  // The yearly review is for holders of the night audit.
  await signOut(page);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-members').click();
  await page.getByTestId('members-reevaluate').click();
  await page.getByTestId('reevaluate-confirm').click();
  await expect(page.getByTestId('reevaluate-result')).toContainText('没有会员的等级发生变化');
});
