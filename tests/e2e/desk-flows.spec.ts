/**
 * The desk's everyday flows, walked as an agent would after the polish of issue 16: the quick
 * search cleared by Escape and replaced after `/`, with more guests on demand; check-out that takes
 * the payment and checks out in one go; a waiver sent to the queue closing its form; and the grid
 * at 31 nights, the rack with today's unassigned arrivals and the housekeeping board with
 * inspected rooms and attendants, looked at in Chinese and English.
 */
import type { Page } from '@playwright/test';
import { expect, shot, test, type DeskHarness } from './harness';
import { bookWalkInByKeyboard, fillApprovalRequest, signIn } from './steps';

async function signInAs(page: Page, desk: DeskHarness, username: string, password: string): Promise<void> {
  await page.goto(desk.url);
  await signIn(page, username, password);
  await expect(page.getByTestId('home-welcome')).toBeVisible();
}

async function openPage(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#/${target}`), route);
}

test('quick search: Escape clears it, / selects what it holds so the next search replaces it, 显示更多 shows more guests', async ({
  page,
  demoDesk,
}) => {
  await signInAs(page, demoDesk, 'agent', 'demo-agent-1');
  // Ten guests of one rare surname: more than the first eight the dropdown shows.
  for (let i = 1; i <= 10; i++)
    expect((await demoDesk.rpc('guests.create', { name: `欧阳测${String(i).padStart(2, '0')}` })).ok).toBe(true);

  const search = page.getByTestId('quick-search');
  const results = page.getByTestId('quick-search-results');
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('欧阳测');
  await expect(results.locator('[data-testid^="search-guest-"]')).toHaveCount(8);
  await expect(results.getByTestId('quick-search-more')).toBeVisible();
  await shot(page, '90-search-more');
  await results.getByTestId('quick-search-more').click();
  await expect(results.locator('[data-testid^="search-guest-"]')).toHaveCount(10);
  await expect(results.getByTestId('quick-search-more')).toHaveCount(0);

  // Escape: the text goes and the results close.
  await search.focus();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(results).toBeHidden();

  // `/` after a search: the old text is selected, so typing replaces it.
  await page.keyboard.press('/');
  await page.keyboard.type('C00000001');
  await expect(page.getByTestId('search-guest-C00000001')).toBeVisible();
  await page.getByTestId('home-welcome').click();
  await expect(search).not.toBeFocused();
  await expect(search).toHaveValue('C00000001');
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  expect(await search.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([
    0, 9,
  ]);
  await page.keyboard.type('C00000002');
  await expect(search).toHaveValue('C00000002');
  await expect(page.getByTestId('search-guest-C00000002')).toBeVisible();
  await expect(page.getByTestId('search-guest-C00000001')).toHaveCount(0);
});

test('check-out with the night unpaid: the payment is taken in the check-out panel and the guest is checked out in one flow', async ({
  page,
  demoDesk,
}) => {
  await signInAs(page, demoDesk, 'agent', 'demo-agent-1');
  await bookWalkInByKeyboard(page, '沈一舟', '豪华');
  await page.getByTestId('intake-check-in').click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('check-in-room')).not.toHaveValue('');
  await expect(drawer.getByTestId('cancellation-terms')).toBeVisible();
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');
  // In house: no "free cancellation until" any more.
  await expect(drawer.getByTestId('cancellation-terms')).toHaveCount(0);
  const total = (await drawer.getByTestId('booking-nights-total').textContent())!.trim();

  // 退房 → 确认退房 → 收款并退房: three presses, the panel never closes in between.
  await drawer.getByTestId('booking-action-checkOut').click();
  await drawer.getByTestId('check-out-submit').click();
  await expect(drawer.getByTestId('pay-balance-due')).toContainText(total);
  await expect(drawer.getByTestId('pay-submit')).toHaveText('收款并退房');
  await shot(page, '91-check-out-pay');
  await drawer.getByTestId('pay-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('已退房');
  await expect(drawer.getByTestId('payment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('booking-balance')).toContainText('0.00');
  await expect(drawer.getByTestId('history-checked_out')).toBeVisible();
  await expect(drawer.getByTestId('cancellation-terms')).toHaveCount(0);
});

test('cancelling past the deadline with nothing paid says how the penalty is collected; a waiver sent to the queue closes its form', async ({
  page,
  demoDesk,
}) => {
  await signInAs(page, demoDesk, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-desk').click();
  await page
    .getByTestId('desk-list-arrivals')
    .getByTestId(/^day-row-/)
    .first()
    .click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('cancellation-terms')).toBeVisible();
  await drawer.getByTestId('booking-action-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await expect(dialog.getByTestId('cancel-quote-paid')).toHaveText('¥0.00');
  const penalty = (await dialog.getByTestId('cancel-quote-penalty').textContent())!.trim();
  await expect(dialog.getByTestId('cancel-unpaid-penalty')).toContainText(penalty);
  await expect(dialog.getByTestId('cancel-unpaid-penalty')).toContainText('未结余额');
  // 返回 on the left, the red 确认取消 on the right: not side by side.
  await expect(dialog.getByTestId('cancel-back')).toHaveText('返回');
  const back = (await dialog.getByTestId('cancel-back').boundingBox())!;
  const confirm = (await dialog.getByTestId('cancel-submit').boundingBox())!;
  expect(confirm.x - (back.x + back.width)).toBeGreaterThan(150);
  await shot(page, '92-cancel-unpaid-penalty');
  await dialog.getByTestId('cancel-submit').click();
  await expect(dialog.getByTestId('cancel-result-penalty')).toHaveText(penalty);

  await dialog.getByTestId('cancel-result-waive').click();
  await page.getByTestId('waive-penalty').fill('100');
  await page.getByTestId('waive-reason').fill('客人改期，申请减免');
  await page.getByTestId('waive-submit').click();
  await page.getByTestId('approval-mode-queue').click();
  await fillApprovalRequest(page, { reason: '客人改期，请主管审批' });
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-dialog')).toHaveCount(0);
  // The waiver waits in the queue: its form is gone and cannot be sent again.
  await expect(page.getByTestId('waive-form')).toHaveCount(0);
  await expect(dialog.getByTestId('cancel-result-waiver-queued')).toBeVisible();
  await expect(dialog.getByTestId('cancel-result-waive')).toHaveCount(0);
  await expect(dialog.getByTestId('cancel-result-penalty')).toHaveText(penalty);
  await shot(page, '93-waiver-queued');
});

test('the grid at 31 nights, the rack with today’s unassigned arrivals and the housekeeping board, in Chinese and English', async ({
  page,
  busyDesk,
}) => {
  await signInAs(page, busyDesk, 'supervisor', 'demo-supervisor-1');
  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en') {
      await page.getByTestId('language-menu').click();
      await page.getByTestId('language-en').click();
    }
    await openPage(page, 'availability');
    const grid = page.getByTestId('availability-grid');
    await expect(grid.getByTestId('grid-today')).toBeVisible();
    await page
      .getByTestId('grid-window-nights')
      .getByText(lang === 'en' ? '31 nights' : '31 晚')
      .click();
    await expect(grid.locator('thead th')).toHaveCount(32);
    // Each total cell keeps its numbers apart: available over "/rooms", two lines.
    const total = grid.locator('[data-testid^="grid-cell-total-"]').first();
    await expect(total.locator('> div')).toHaveCount(2);
    await page.mouse.move(0, 0);
    await shot(page, `94-grid-31-nights-${lang}`);

    await openPage(page, 'rack');
    await expect(page.getByTestId('room-rack')).toBeVisible();
    await expect(page.getByTestId('rack-arrivals')).toBeVisible();
    await page.mouse.move(0, 0);
    await shot(page, `95-rack-${lang}`);

    await openPage(page, 'housekeeping');
    await expect(page.getByTestId('hk-status-filter')).toBeVisible();
    await shot(page, `96-housekeeping-${lang}`);
  }
});

test('the rack assigns a room to an arrival; housekeeping passes a room on inspection and gives it to an attendant', async ({
  page,
  demoDesk,
}) => {
  await signInAs(page, demoDesk, 'supervisor', 'demo-supervisor-1');
  await openPage(page, 'rack');
  const arrivals = page.getByTestId('rack-arrivals');
  await expect(arrivals.locator('tr[data-testid^="rack-arrival-"]').first()).toBeVisible();
  const count = Number(await page.getByTestId('rack-arrivals-count').textContent());
  expect(count).toBeGreaterThan(0);
  const row = arrivals.locator('tr[data-testid^="rack-arrival-"]').first();
  const number = (await row.getAttribute('data-testid'))!.replace('rack-arrival-', '');
  await expect(page.getByTestId(`rack-arrival-room-${number}`)).not.toHaveValue('');
  await page.getByTestId(`rack-arrival-assign-${number}`).click();
  await expect(page.getByTestId(`rack-arrival-${number}`)).toHaveCount(0);
  await expect(page.getByTestId('rack-arrivals-count')).toHaveText(String(count - 1));
  await expect(page.getByTestId('room-rack').getByTestId(`rack-bar-${number}`)).toBeVisible();

  await openPage(page, 'housekeeping');
  const room = page.locator('[data-status="vacant_clean"]').first();
  const roomNumber = (await room.getAttribute('data-testid'))!.replace('hk-room-', '');
  await room.click();
  await page.getByTestId('hk-set-inspected').click();
  await expect(page.getByTestId(`hk-room-${roomNumber}`)).toHaveAttribute('data-status', 'inspected');
  await expect(page.getByTestId(`hk-room-${roomNumber}`)).toContainText('查房合格');
  await page.getByTestId(`hk-room-${roomNumber}`).click();
  await page.getByTestId('hk-assign').hover();
  await page.getByTestId('hk-assign-王芳').click();
  await expect(page.getByTestId(`hk-attendant-${roomNumber}`)).toHaveText('王芳');
  await page.getByTestId('hk-attendant-filter').click();
  await page.getByRole('option', { name: '王芳' }).click();
  await expect(page.locator('[data-testid^="hk-room-"]')).toHaveCount(1);
  await page.mouse.move(0, 0);
  await shot(page, '97-housekeeping-inspected-attendant');
});
