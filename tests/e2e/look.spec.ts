/**
 * The desk's look in Chinese and English: screenshots of the desk, a booking drawer and the guest
 * list for a person to look at, with the points that were wrong checked: ¥ (never CN¥), words that
 * agree with their numbers, badges not upper-cased, one font for numbers and text, 取消预订 red and
 * check-in filled, a cancelled booking's nights not charged, and the guest list (a row opens the
 * profile, deleting in the row's menu, 新建客人, paging past 50).
 */
import type { Locator, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { expect, shot, test } from './harness';
import { fillDate, pickMonth, settled, shownMonth, signIn } from './steps';

async function style(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
}

async function firstArrival(page: Page): Promise<Locator> {
  const row = page.getByTestId('desk-list-arrivals').locator('tbody tr[data-testid^="day-row-"]').first();
  await expect(row).toBeVisible();
  return row;
}

async function switchTo(page: Page, language: 'en' | 'zh-CN') {
  await page.getByTestId('language-menu').click();
  await page.getByTestId(`language-${language}`).click();
}

test('the desk, a booking and the guest list read well in Chinese and English', async ({ page, demoDesk }) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await page.getByTestId('nav-desk').click();

  // The desk: booking numbers in the text font with tabular figures, not a fallback monospace.
  const row = await firstArrival(page);
  const number = row.locator('td').first();
  expect(await style(number, 'font-family')).toBe(await style(page.locator('body'), 'font-family'));
  expect(await style(number, 'font-variant-numeric')).toBe('tabular-nums');
  await shot(page, 'look-desk-zh-CN');

  // A booking: the primary action filled, cancelling red, amounts in ¥.
  await row.click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-number')).toBeVisible();
  const checkIn = drawer.getByTestId('booking-action-checkIn');
  const cancel = drawer.getByTestId('booking-action-cancel');
  expect(await checkIn.getAttribute('data-variant')).toBe('filled');
  expect(await cancel.getAttribute('data-variant')).toBe('outline');
  const [r, g, b] = (await style(cancel, 'color')).match(/\d+/g)!.map(Number);
  expect(r).toBeGreaterThan(g! + 100);
  expect(r).toBeGreaterThan(b! + 100);
  await expect(drawer.getByTestId('booking-nights-total')).toHaveText(/^¥[\d,]+\.\d\d$/);
  await shot(page, 'look-booking-zh-CN');

  // The drawer covers the header: close it to change the language, then open it again.
  await drawer.locator('.mantine-Drawer-close').click();
  await expect(drawer).toBeHidden();
  await switchTo(page, 'en');
  await row.click();
  await expect(drawer.getByTestId('booking-action-cancel')).toHaveText('Cancel booking');
  await expect(drawer).not.toContainText('CN¥');
  await expect(drawer).not.toContainText('(s)');
  await expect(drawer).toContainText(/\d+ adults?, \d+ child(ren)?/);
  await expect(drawer).toContainText(/ 1 night(?!s)| ([2-9]|\d\d+) nights/);
  await expect(drawer).not.toContainText(/\d{1,2}\/\d{1,2}\/\d{4}/);
  const badge = drawer.locator('.mantine-Badge-root').first();
  expect(await style(badge, 'text-transform')).toBe('none');
  await shot(page, 'look-booking-en');

  // Cancelled: the nights struck through, the total saying they are not charged.
  await drawer.getByTestId('booking-action-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await expect(dialog.getByTestId('cancel-quote-penalty')).toHaveText(/^¥/);
  await dialog.getByTestId('cancel-submit').click();
  await dialog.getByTestId('cancel-result-close').click();
  await expect(drawer.getByTestId('booking-nights-cancelled')).toHaveText('Cancelled: the nights are not charged');
  const nightPrice = drawer.getByTestId('booking-nights').locator('tbody td').nth(1);
  expect(await style(nightPrice, 'text-decoration-line')).toBe('line-through');
  await shot(page, 'look-booking-cancelled-en');
  await drawer.locator('.mantine-Drawer-close').click();
  await expect(drawer).toBeHidden();
  await shot(page, 'look-desk-en');

  // The guest list: no delete button on the rows, 50 a page and the rest on the next.
  await page.getByTestId('nav-guests').click();
  const table = page.getByTestId('guests-table');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(page.getByTestId('guests-range')).toHaveText('1–50');
  await expect(page.getByTestId('guests-previous')).toBeDisabled();
  await shot(page, 'look-guests-en');
  await page.getByTestId('guests-next').click();
  await expect(page.getByTestId('guests-range')).toHaveText('51–60');
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('guests-next')).toBeDisabled();
  // A new query starts again at the first page.
  await page.getByTestId('guests-search').fill('C0000000');
  await expect(table.locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('guests-pager')).toHaveCount(0);

  await switchTo(page, 'zh-CN');
  await page.getByTestId('guests-search').fill('');
  await expect(page.getByTestId('guests-range')).toHaveText('第 1–50 位');
  await shot(page, 'look-guests-zh-CN');

  // A row opens the profile; the row's menu holds 删除 and does not open it.
  await page.getByTestId('guest-menu-C00000002').click();
  await expect(page.getByTestId('guest-delete-C00000002')).toHaveText('删除');
  await expect(page.getByTestId('guest-drawer')).toBeHidden();
  await page.keyboard.press('Escape');
  await page.getByTestId('guest-row-C00000002').click();
  await expect(page.getByTestId('guest-drawer').getByTestId('guest-name')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('guest-drawer')).toBeHidden();

  // 新建客人: a name left out is said; the new profile opens when created.
  await page.getByTestId('guests-new').click();
  await page.getByTestId('guest-new-submit').click();
  await expect(page.getByTestId('guest-new-form')).toContainText('必填');
  await page.getByTestId('guest-new-name').fill('柳青');
  await page.getByTestId('guest-new-phone').fill('13900001111');
  await page.getByTestId('guest-new-submit').click();
  await expect(page.getByTestId('guest-drawer').getByTestId('guest-name')).toHaveText('柳青');
  await shot(page, 'look-guest-created-zh-CN');
});

test('every date field writes dates in the UI language: audit filters, a call-back, the report month, price rows', async ({
  page,
  busyDesk,
}) => {
  test.setTimeout(120_000);
  await page.goto(busyDesk.url);
  await signIn(page, 'director', 'demo-director-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  const businessDate = ((await busyDesk.rpc('bookings.day')).value as { businessDate: string }).businessDate;
  const lastMonth = DateTime.fromISO(businessDate).minus({ months: 1 }).toFormat('yyyy-MM');
  const open = (route: string) => page.evaluate((target) => (window.location.hash = `#/${target}`), route);
  const shownAsDate = { 'zh-CN': /^\d{4}年\d{1,2}月\d{1,2}日$/, en: /^\d{1,2} [A-Z][a-z]{2} \d{4}$/ };
  // The calendar's own heading: 十一月 2026 in Chinese, November 2026 in English.
  const calendarMonth = { 'zh-CN': /^[一二三四五六七八九十]+月 \d{4}$/, en: /^[A-Z][a-z]+ \d{4}$/ };
  const business = DateTime.fromISO(businessDate);
  const ZH_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const businessMonth = {
    'zh-CN': `${ZH_MONTHS[business.month - 1]}月 ${business.year}`,
    en: business.setLocale('en').toFormat('MMMM yyyy'),
  };

  for (const language of ['zh-CN', 'en'] as const) {
    await switchTo(page, language);

    // Audit: a date typed as ISO reads back in the language; the calendar opens in it.
    await open('audit');
    await fillDate(page.getByTestId('audit-filter-from'), businessDate, language);
    await page.getByTestId('audit-filter-to').click();
    // The calendar now open (the one just left may still be fading out).
    const calendar = page.locator('[data-level-control]:visible');
    await expect(calendar).toHaveText(calendarMonth[language]);
    // An empty field's calendar opens on the business date's month, not the PC's (the harness's
    // business date is a day ahead of its clock, across a month's end).
    await expect(calendar).toHaveText(businessMonth[language]);
    await shot(page, `look-dates-audit-${language}`);
    await page.getByTestId('audit-filter-operation').click();
    await expect(page.locator('[data-level-control]')).toBeHidden();

    // A call-back to be made again: the date in the language, the time on a 24-hour clock.
    await open('callbacks');
    await page.locator('[data-testid^="callback-row-"]').first().click();
    const form = page.getByRole('dialog');
    await form.getByTestId('callback-outcome-call_again').check();
    await expect(form.getByTestId('callback-call-again-at')).toHaveValue(shownAsDate[language]);
    await expect(form.getByTestId('callback-call-again-time-hours')).toHaveValue(/^([01]\d|2[0-3])$/);
    await expect(form.getByTestId('callback-call-again-time-minutes')).toHaveValue('00');
    // Hours and minutes only: no AM/PM (the native time input has one on an English OS).
    const clock = form.getByTestId('callback-call-again-time').locator('input:not([type="hidden"]), select');
    await expect(clock).toHaveCount(2);
    await settled(form);
    await shot(page, `look-dates-callback-${language}`);
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

    // The monthly report's month: picked from a list of months named in the language.
    await open('reports?kind=operations');
    await pickMonth(page.getByTestId('report-month'), lastMonth, language);
    await expect(page).toHaveURL(new RegExp(`month=${lastMonth}`));
    await page.getByTestId('report-month').click();
    await expect(page.locator(`[data-picker-control][aria-label="${shownMonth(lastMonth, language)}"]`)).toBeVisible();
    await shot(page, `look-dates-report-month-${language}`);
    await page.keyboard.press('Escape');

    // A rate plan's price rows: their dates in the language.
    await open('setup');
    await page.getByTestId('setup-tab-ratePlans').click();
    await page.getByTestId('rate-plan-edit-BAR').click();
    await expect(page.getByTestId('price-row-0-start')).toHaveValue(shownAsDate[language]);
    await expect(page.getByTestId('price-row-0-end')).toHaveValue(shownAsDate[language]);
    await settled(page.getByRole('dialog'));
    await shot(page, `look-dates-price-rows-${language}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
});
