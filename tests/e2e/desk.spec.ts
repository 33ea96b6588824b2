/** The front desk: a walk-in booked by keyboard, its voucher, check-in to check-out; the day's lists, search, profile and night audit. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { calendarDate } from '../../src-shared/rules/business-day';
import { addDays } from '../../src-shared/rules/stay';
import { setBusinessDate } from './db';
import { expect, shot, test } from './harness';
import { bookWalkInByKeyboard, openBookingId, settled, signIn } from './steps';

const screenshots = path.resolve(import.meta.dirname, 'screenshots');

/** "12月1日", as the screens write a business date beside the calendar's. */
const monthDay = (date: string) =>
  DateTime.fromISO(date, { zone: 'UTC' }).setLocale('zh-CN').toLocaleString({ month: 'long', day: 'numeric' });

/** Renders the voucher route to a PDF as Electron's printToPDF would, and returns its text. */
async function voucherText(page: Page, bookingId: string, lang: 'zh-CN' | 'en', pngName: string): Promise<string> {
  await page.evaluate(({ id, l }) => (window.location.hash = `#/print/voucher?booking=${id}&lang=${l}`), {
    id: bookingId,
    l: lang,
  });
  await expect(page.getByTestId('voucher-number')).toBeVisible();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-voucher-'));
  try {
    const pdf = path.join(dir, 'voucher.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, path.join(screenshots, pngName)]);
    return execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a walk-in booked with the keyboard only, its voucher, then check-in, payment and check-out', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();

  const number = await bookWalkInByKeyboard(page, '林晓风', '豪华');
  await expect(page.getByTestId('intake-created')).toContainText('林晓风');
  await expect(page.getByTestId('intake-created')).toContainText('豪华大床房');
  await expect(page.getByTestId('intake-check-in')).toBeFocused();
  await shot(page, '42-new-booking-created');

  // Enter on the focused 办理入住 opens the drawer with the room already suggested.
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-number')).toHaveText(number);
  const bookingId = openBookingId(page);
  const total = (await drawer.getByTestId('booking-nights-total').textContent())!.trim();

  // The voucher, in Chinese whatever the UI language, as a PDF.
  const text = await voucherText(page, bookingId, 'zh-CN', '46-voucher');
  expect(text).toContain(number);
  expect(text).toContain('林晓风');
  expect(text).toContain(total.replace(/\s/g, ''));
  expect(text).toContain('预订确认单');
  expect(text).toContain('迎宾示范酒店');
  const english = await voucherText(page, bookingId, 'en', '47-voucher-en');
  expect(english).toContain('Booking confirmation');
  expect(english).toContain(number);

  // Back at the desk: the drawer survives the reload it is in the URL for.
  await page.evaluate((id) => (window.location.hash = `#/desk?booking=${id}&action=checkIn`), bookingId);
  await page.reload();
  await expect(drawer.getByTestId('booking-number')).toHaveText(number);
  await expect(drawer.getByTestId('check-in-room')).not.toHaveValue('');
  const room = (await drawer.getByTestId('check-in-room').inputValue()).split(/[（(]/)[0]!.trim();
  await settled(drawer);
  await shot(page, '43-drawer-check-in');
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');
  await expect(drawer.getByTestId('booking-room')).toHaveText(room);

  // Checking out with the night unpaid: the amount due, and the payment form with it filled in,
  // inside the check-out panel; 收款并退房 takes the payment and checks out.
  await drawer.getByTestId('booking-action-checkOut').click();
  await drawer.getByTestId('check-out-submit').click();
  await expect(drawer.getByTestId('pay-balance-due')).toContainText(total);
  await expect(drawer.getByTestId('pay-amount')).not.toHaveValue('');
  await shot(page, '48-drawer-balance-due');
  await drawer.getByTestId('pay-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('已退房');
  await expect(drawer.getByTestId('payment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('booking-balance')).toContainText('0.00');
  await expect(drawer.getByTestId('history-checked_out')).toBeVisible();
  await expect(drawer.getByTestId('history-checked_in')).toContainText(room);
  await settled(drawer);
  await shot(page, '49-drawer-checked-out');
});

test('the day at the desk: lists, quick search, a guest profile and the night audit', async ({ page, demoDesk }) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-desk').click();
  await expect(page.getByTestId('desk-business-date')).toBeVisible();
  await expect(page.getByTestId('desk-list-arrivals').locator('tbody tr')).toHaveCount(8);
  await shot(page, '40-desk-arrivals');

  // A new booking for someone on file: the breakdown shows before saving.
  await page.getByTestId('desk-new-booking').click();
  await page.getByTestId('intake-guest-search').fill('C00000010');
  await expect(page.getByTestId('intake-guest-option-C00000010')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('家庭');
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-nights').fill('3');
  await expect(page.getByTestId('intake-quote').locator('tbody tr')).toHaveCount(3);
  await shot(page, '41-new-booking-breakdown');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('intake-form')).toHaveCount(0);

  // Quick search: "/" focuses it, results as one types, Enter opens the first.
  await page.keyboard.press('/');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  await page.keyboard.type('C00000001');
  await expect(page.getByTestId('search-guest-C00000001')).toBeVisible();
  await shot(page, '44-search-dropdown');
  await page.keyboard.press('Enter');
  const profile = page.getByTestId('guest-drawer');
  await expect(profile.getByTestId('guest-name')).toBeVisible();
  await expect(profile.getByTestId('guest-stays').locator('tbody tr')).toHaveCount(1);

  // An ID number added to the profile shows masked; the supervisor may reveal it.
  await profile.getByTestId('guest-edit').click();
  await page.getByTestId('guest-edit-modal').getByLabel('证件号').fill('330106199001011234');
  await page.getByTestId('guest-edit-submit').click();
  await expect(profile.getByTestId('guest-id-number')).not.toHaveText('330106199001011234');
  await profile.getByTestId('guest-reveal-id').click();
  await expect(profile.getByTestId('guest-id-number')).toHaveText('330106199001011234');
  await settled(profile);
  await shot(page, '45-guest-profile');

  // From the profile's stay to the booking drawer.
  await profile.getByTestId('guest-stays').locator('tbody tr').first().click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-status')).toHaveText('已确认');
  await settled(drawer);
  await shot(page, '50-drawer-confirmed');
  await page.keyboard.press('Escape');

  // The night audit in the daytime: the business date's day has not ended, so it is an early close
  // the supervisor confirms; then the no-shows (all of today's arrivals).
  await page.getByTestId('desk-night-audit').click();
  await expect(page.getByTestId('night-audit-early')).toBeVisible();
  await expect(page.getByTestId('night-audit-confirm')).toBeDisabled();
  await settled(page.getByTestId('night-audit-dialog'));
  await shot(page, '51-night-audit-confirm');
  await page.getByTestId('night-audit-early-confirm').check();
  await page.getByTestId('night-audit-confirm').click();
  await expect(page.getByTestId('night-audit-result').locator('li')).toHaveCount(8);
  await expect(page.getByTestId('night-audit-result-early')).toBeVisible();
  await shot(page, '52-night-audit-done');
});

test('a desk whose night audits are behind says so on the home screen, and each audit closes one date', async ({
  page,
  demoDesk,
}) => {
  const today = calendarDate(new Date(), 'Asia/Shanghai');
  setBusinessDate(demoDesk.dataDir, addDays(today, -3));
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await expect(page.getByTestId('home-business-date')).toHaveText(`营业日 ${monthDay(addDays(today, -3))}`);
  await expect(page.getByTestId('home-business-lag')).toContainText('落后日历日期');
  await expect(page.getByTestId('home-business-lag')).toContainText('3 天');
  await shot(page, '53-home-business-day-behind');

  // At the desk: the business date, the calendar's beside it, and an audit that closes the oldest open date, on time.
  await page.getByTestId('nav-desk').click();
  await expect(page.getByTestId('desk-calendar-date')).toHaveText(`日历日期 ${monthDay(today)}`);
  await page.getByTestId('desk-night-audit').click();
  await expect(page.getByTestId('night-audit-closes')).toContainText(monthDay(addDays(today, -3)));
  await expect(page.getByTestId('night-audit-lagging')).toBeVisible();
  await expect(page.getByTestId('night-audit-early')).toHaveCount(0);
  await settled(page.getByTestId('night-audit-dialog'));
  await shot(page, '54-night-audit-behind');
  await page.getByTestId('night-audit-confirm').click();
  await expect(page.getByTestId('night-audit-result')).toContainText(`营业日期推进到`);
  await expect(page.getByTestId('night-audit-result-early')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // One date closed: two days behind now, still said on the home screen.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('home-business-date')).toHaveText(`营业日 ${monthDay(addDays(today, -2))}`);
  await expect(page.getByTestId('home-business-lag')).toContainText('2 天');

  // One more: as between midnight and the audit, the business date a day behind is shown beside the calendar's, without a warning.
  await page.getByTestId('nav-desk').click();
  await page.getByTestId('desk-night-audit').click();
  await page.getByTestId('night-audit-confirm').click();
  await expect(page.getByTestId('night-audit-result')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('home-business-date')).toHaveText(`营业日 ${monthDay(addDays(today, -1))}`);
  await expect(page.getByTestId('home-business-lag')).toHaveCount(0);
  await shot(page, '55-home-business-day-after-midnight');
  await page.getByTestId('nav-desk').click();
  await page.getByTestId('desk-night-audit').click();
  await expect(page.getByTestId('night-audit-after-midnight')).toContainText(
    `本次夜审关闭的是营业日 ${monthDay(addDays(today, -1))}`,
  );
  await expect(page.getByTestId('night-audit-early')).toHaveCount(0);
  await settled(page.getByTestId('night-audit-dialog'));
  await shot(page, '56-night-audit-after-midnight');
});
