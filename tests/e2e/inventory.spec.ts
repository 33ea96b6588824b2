/**
 * The inventory screens at the demo hotel: selling timed tickets up to a slot's capacity, the gate
 * admitting a party once, and the availability grid, room rack, housekeeping board and setup.
 * Pages are opened by their hash routes (#/tickets …), as the shell links them.
 */
import type { Page } from '@playwright/test';
import { expect, shot, test, type DeskHarness } from './harness';
import { settled, signIn } from './steps';

async function openPage(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#/${target}`), route);
}

async function signInAs(page: Page, desk: DeskHarness, username: string, password: string): Promise<void> {
  await page.goto(desk.url);
  await signIn(page, username, password);
  await expect(page.getByTestId('home-welcome')).toBeVisible();
}

/** Types one visitor into a row of the sale form. */
async function fillVisitor(page: Page, row: number, name: string, idNumber: string): Promise<void> {
  await page.getByTestId(`visitor-${row}-name`).fill(name);
  await page.getByTestId(`visitor-${row}-id-number`).fill(idNumber);
}

/** Sells the party for a slot of today's lake cruise and returns the order number shown. */
async function sellTickets(page: Page, slot: string, visitors: [string, string][]): Promise<string> {
  await page.getByTestId(`slot-${slot}`).click();
  for (const [i, [name, idNumber]] of visitors.entries()) {
    await fillVisitor(page, i, name, idNumber);
    // Enter in the last ID number adds the next row, as a cashier types a queue.
    if (i < visitors.length - 1) await page.getByTestId(`visitor-${i}-id-number`).press('Enter');
  }
  await page.getByTestId('sell-submit').click();
  await expect(page.getByTestId('sold-order-visitors')).toContainText(visitors.at(-1)![0]);
  return (await page.getByTestId('sold-order-number').textContent())!;
}

test('the 16:00 boat holds two: a third ticket is refused and nothing more is sold', async ({ page, demoDesk }) => {
  await signInAs(page, demoDesk, 'agent', 'demo-agent-1');
  await openPage(page, 'tickets');
  await expect(page.getByTestId('slot-16:00-left')).toHaveText('余 2 / 共 2');

  // Real names are required: an empty visitor row is not sold.
  await page.getByTestId('slot-16:00').click();
  await page.getByTestId('sell-submit').click();
  await expect(page.getByTestId('visitor-0-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sold-order')).toHaveCount(0);

  await sellTickets(page, '16:00', [
    ['张伟', '330102199001011234'],
    ['李静', '330102199202022345'],
  ]);
  await expect(page.getByTestId('sell-total')).toContainText('1 人');
  await expect(page.getByTestId('slot-16:00-left')).toHaveText('余 0 / 共 2');
  await shot(page, '63-ticket-sale');

  await fillVisitor(page, 0, '王芳', '330102199303033456');
  await page.getByTestId('slot-16:00').click();
  await page.getByTestId('sell-submit').click();
  await expect(page.getByTestId('sell-error')).toHaveText('该场次余票不足（剩余 0 张），未售出');
  // The form is as it was, and the slot still shows two sold, none left.
  await expect(page.getByTestId('visitor-0-name')).toHaveValue('王芳');
  await expect(page.getByTestId('visitor-0-id-number')).toHaveValue('330102199303033456');
  await expect(page.getByTestId('slot-16:00-sold')).toHaveText('已售 2');
  await expect(page.getByTestId('slot-16:00-left')).toHaveText('余 0 / 共 2');
  await expect(page.getByTestId('sold-order-visitors')).not.toContainText('王芳');
  await shot(page, '64-ticket-slot-full');
});

test('the gate admits an order once; the same order again is refused', async ({ page, demoDesk }) => {
  await signInAs(page, demoDesk, 'agent', 'demo-agent-1');
  await openPage(page, 'tickets');
  const number = await sellTickets(page, '09:00', [
    ['陈明', '330102198804041111'],
    ['陈晓燕', '330102199005052222'],
  ]);

  await page.getByTestId('tickets-tab-redeem').click();
  await page.getByTestId('redeem-number').fill(number.toLowerCase());
  await page.getByTestId('redeem-number').press('Enter');
  await expect(page.getByTestId('redeem-order-number')).toHaveText(number);
  await expect(page.getByTestId('redeem-visitor-陈明')).toBeChecked();
  await expect(page.getByTestId('redeem-visitor-陈晓燕')).toBeChecked();
  await page.getByTestId('redeem-submit').click();
  await expect(page.getByText('已核销 2 人')).toBeVisible();
  await expect(page.getByTestId('redeem-order-visitors')).toContainText('已检');
  await shot(page, '65-ticket-redeemed');

  // The same ticket scanned again: the party is refused.
  await page.getByTestId('redeem-number').fill(number);
  await page.getByTestId('redeem-number').press('Enter');
  await expect(page.getByTestId('redeem-visitor-陈明')).toBeChecked();
  await page.getByTestId('redeem-submit').click();
  await expect(page.getByTestId('redeem-error')).toHaveText('门票已检过，不能重复使用');
  await shot(page, '66-ticket-redeem-refused');
});

interface DaySummary {
  businessDate: string;
  arrivals: { id: string; number: string }[];
}

/** Checks today's first arrivals into the first free room of their type, as the front desk would. */
async function checkInArrivals(desk: DeskHarness, count: number): Promise<DaySummary> {
  const day = (await desk.rpc('bookings.day')).value as DaySummary;
  for (const booking of day.arrivals.slice(0, count)) {
    const rooms = (await desk.rpc('frontDesk.suggestRooms', { bookingId: booking.id })).value as { id: string }[];
    expect((await desk.rpc('frontDesk.checkIn', { bookingId: booking.id, roomId: rooms[0]!.id })).ok).toBe(true);
  }
  return day;
}

test('the grid, rack and housekeeping board show the hotel tonight; setup lists what it sells', async ({
  page,
  demoDesk,
}) => {
  await signInAs(page, demoDesk, 'admin', 'demo-admin-1');
  const day = await checkInArrivals(demoDesk, 4);
  const closed = new Date(Date.parse(`${day.businessDate}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  expect((await demoDesk.rpc('closedDates.set', { date: closed, closed: true, reason: '整场包场' })).ok).toBe(true);

  await openPage(page, 'availability');
  const grid = page.getByTestId('availability-grid');
  await expect(grid.getByTestId('grid-today')).toBeVisible();
  await expect(grid.locator('tbody tr')).toHaveCount(6);
  await expect(grid.locator('[data-level="closed"]')).toHaveCount(6);
  await expect(grid.getByTestId(`grid-cell-total-${day.businessDate}`)).toHaveText('112/120');
  await shot(page, '60-availability-grid');
  await page.getByTestId('grid-window-nights').getByText('31 晚').click();
  await expect(grid.locator('thead th')).toHaveCount(32);
  await page.getByTestId('grid-window-next').click();
  await expect(grid.getByTestId('grid-today')).toHaveCount(0);

  await openPage(page, 'rack');
  const rack = page.getByTestId('room-rack');
  await expect(rack.locator('[data-testid^="rack-bar-"]')).toHaveCount(4);
  await expect(rack.getByTestId(`rack-bar-${day.arrivals[0]!.number}`)).toBeVisible();
  await page.mouse.move(0, 0);
  await shot(page, '61-room-rack');

  await openPage(page, 'housekeeping');
  await expect(page.getByTestId('hk-count-occupied')).toHaveText('在住 4');
  await page.getByTestId('hk-room-1002').click();
  await page.getByTestId('hk-set-out_of_order').click();
  await expect(page.getByTestId('hk-room-1002')).toHaveAttribute('data-status', 'out_of_order');
  await page.getByTestId('hk-room-1003').click();
  await page.getByTestId('hk-set-vacant_dirty').click();
  await expect(page.getByTestId('hk-room-1003')).toHaveAttribute('data-status', 'vacant_dirty');
  await expect(page.getByTestId('hk-count-vacant_dirty')).toHaveText('空脏 1');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '62-housekeeping-board');
  // An occupied room offers no change by hand: check-in and check-out own it.
  await page.locator('[data-status="occupied"]').first().click();
  await expect(page.getByRole('menuitem', { name: '在住房由入住和退房改变' })).toBeDisabled();
  await page.keyboard.press('Escape');

  await openPage(page, 'setup');
  await expect(page.getByTestId('room-type-row-SK')).toContainText('标准大床房');
  // A price typed in yuan with a fraction is kept to the fen.
  await page.getByTestId('room-type-create').click();
  await page.getByTestId('room-type-form-code').fill('lv');
  await page.getByTestId('room-type-form-name').fill('湖景阁楼');
  await page.getByTestId('room-type-form-rate').fill('498.5');
  await page.getByTestId('room-type-form-submit').click();
  await expect(page.getByTestId('room-type-row-LV')).toContainText('¥498.50');
  await shot(page, '67-setup-room-types');
  await page.getByTestId('setup-tab-rooms').click();
  await expect(page.getByTestId('room-row-301')).toContainText('大床');
  await page.getByTestId('setup-tab-ratePlans').click();
  await page.getByTestId('rate-plan-edit-BAR').click();
  await expect(page.getByTestId('price-row-4')).toBeVisible();
  await settled(page.getByRole('dialog'));
  await shot(page, '68-setup-rate-plan');
  await page.keyboard.press('Escape');
  await page.getByTestId('setup-tab-closedDates').click();
  await expect(page.getByTestId(`closed-date-row-${closed}`)).toContainText('整场包场');
  await page.getByTestId('setup-tab-ticketProducts').click();
  await page.getByTestId('ticket-product-edit-CRUISE').click();
  await expect(page.getByTestId('slot-row-3')).toBeVisible();
  await settled(page.getByRole('dialog'));
  await shot(page, '69-setup-ticket-product');
});
