/**
 * The voucher a guest can use, and the intake around it: an admin gives the hotel its address,
 * phone and check-out time and English names to a room type and the rack rate; an agent books a
 * walk-in (the rate plan shown with its terms, prices beside the room types), prints the voucher
 * and is back at the confirmation with 办理入住 still there. The voucher in Chinese and in English
 * is printed to PDF (Chromium's page.pdf(), the window's print path), read with pdftotext and
 * turned into a PNG with pdftoppm to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { openBookingId, settled, signIn, signOut } from './steps';

const screenshots = path.resolve(import.meta.dirname, 'screenshots');

/** Opens the voucher route, prints it to a PDF, keeps a PNG of it and returns its text; then goes back. */
async function voucherPdf(page: Page, bookingId: string, lang: 'zh-CN' | 'en', pngName: string): Promise<string> {
  await page.evaluate(({ id, l }) => (window.location.hash = `#/print/voucher?booking=${id}&lang=${l}`), {
    id: bookingId,
    l: lang,
  });
  await expect(page.getByTestId('voucher-qr')).toBeVisible();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-voucher-'));
  try {
    const pdf = path.join(dir, 'voucher.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '90', '-singlefile', pdf, path.join(screenshots, pngName)]);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1];
    expect(pages, 'the voucher fits one A5 page').toBe('1');
    return execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await page.goBack();
  }
}

test('a walk-in’s voucher in Chinese and English, printed from the confirmation, which stays for check-in', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');

  // The hotel's address, phone and check-out time, in 设置.
  await page.getByTestId('nav-settings').click();
  const settings = page.getByTestId('settings-property');
  await settings.getByTestId('settings-address').fill('杭州市西湖区北山街 88 号');
  await settings.getByTestId('settings-phone').fill('0571-8888 6666');
  await expect(settings.getByTestId('settings-check-in-time')).toHaveValue('14:00');
  await settings.getByTestId('settings-check-out-time').fill('25:00');
  await settings.getByTestId('settings-property-save').click();
  await expect(settings.getByTestId('settings-check-out-time')).toHaveAttribute('aria-invalid', 'true');
  await settings.getByTestId('settings-check-out-time').fill('11:00');
  await settings.getByTestId('settings-property-save').click();
  await expect(settings.getByTestId('settings-property-save')).toBeDisabled();
  await shot(page, 'v1-settings-voucher-details');

  // English names in 房型与价格.
  await page.getByTestId('nav-setup').click();
  await page.getByTestId('room-type-edit-DK').click();
  await page.getByTestId('room-type-form-name-en').fill('Deluxe King, Lake View');
  await shot(page, 'v2-room-type-english-name');
  await page.getByTestId('room-type-form-submit').click();
  await expect(page.getByTestId('room-type-form-name-en')).toHaveCount(0);
  await page.getByTestId('setup-tab-ratePlans').click();
  await page.getByTestId('rate-plan-edit-BAR').click();
  await page.getByTestId('rate-plan-form-name-en').fill('Best Available Rate');
  await page.getByTestId('rate-plan-form-submit').click();
  await expect(page.getByTestId('rate-plan-form-name-en')).toHaveCount(0);
  await signOut(page);

  // The agent's walk-in, by keyboard: the rack rate is chosen and its terms shown before saving.
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('intake-new-guest-name')).toBeFocused();
  await page.keyboard.type('艾琳');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-room-type')).toBeFocused();
  await expect(page.getByTestId('intake-rate-plan')).toHaveValue('门市价');
  await expect(page.getByTestId('intake-rate-plan-terms')).toContainText('预订后 2 小时内免费取消');
  await expect(page.getByTestId('intake-arrival')).toHaveValue(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await page.keyboard.type('豪华');
  const option = page.getByRole('option', { name: /^豪华大床房 · ¥[\d,]+\.\d\d\/晚 · 可售 \d+ 间$/ });
  await expect(option).toBeVisible();
  await shot(page, 'v3-intake-prices-and-plan');
  const nightly = /¥[\d,]+\.\d\d/.exec((await option.textContent())!)![0];
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-quote-total')).toContainText(nightly);
  await page.keyboard.press('Control+Enter');
  const created = page.getByTestId('intake-created');
  await expect(created).toContainText('门市价');
  const number = (await page.getByTestId('intake-created-number').textContent())!.trim();
  const bookingId = await page.evaluate(() =>
    new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('created'),
  );
  expect(bookingId).toBeTruthy();

  // The voucher in Chinese: everything a guest needs at the door.
  const zh = await voucherPdf(page, bookingId!, 'zh-CN', 'v4-voucher-zh');
  for (const expected of [
    '迎宾示范酒店',
    '杭州市西湖区北山街 88 号',
    '电话 0571-8888 6666',
    '预订确认单',
    number,
    '艾琳',
    '14:00 起办理入住',
    '11:00 前退房',
    '豪华大床房',
    '门市价',
    '成人 1，儿童 0',
    '已付',
    '未结',
    '取消政策',
    '预订后 2 小时内免费取消',
    nightly,
  ])
    expect(zh).toContain(expected);
  expect(zh).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}前免费取消/);
  expect(zh).toMatch(/晚数\s+1 ?晚/);
  expect(zh, 'no toast printed over the voucher').not.toContain('已保存');
  await expect(created).toBeVisible();

  // In English: the English names, words that agree with their numbers, the same deadline.
  const en = await voucherPdf(page, bookingId!, 'en', 'v5-voucher-en');
  for (const expected of [
    'Booking confirmation',
    number,
    'Deluxe King, Lake View',
    'Best Available Rate',
    '1 night',
    '1 adult, 0 children',
    'check-in from 14:00',
    'check-out by 11:00',
    'Tel. 0571-8888 6666',
    'Free cancellation within 2 h of booking',
  ])
    expect(en).toContain(expected);
  expect(en).toMatch(/Free cancellation until \w+ \d{1,2}, \d{4}, \d{2}:\d{2} \(hotel time\)/);
  expect(en).not.toContain('豪华大床房');
  expect(en).not.toContain('门市价');
  expect(en).not.toContain('(s)');
  await expect(page.getByTestId('voucher-qr')).toHaveCount(0);
  await expect(created).toBeVisible();

  // 打印确认单 from the confirmation: the window prints (the OS dialog answered at once) and comes back to it.
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { printed: number }).printed = 1;
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.getByTestId('print-voucher').click();
  await page.getByTestId('print-voucher-zh-CN').click();
  await expect(created).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
  await expect(page.getByTestId('intake-created-number')).toHaveText(number);
  await expect(page.getByTestId('print-voucher')).toBeVisible();
  await settled(created);
  await shot(page, 'v6-confirmation-after-print');

  // And 办理入住 from there.
  await page.getByTestId('intake-check-in').click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-number')).toHaveText(number);
  expect(openBookingId(page)).toBe(bookingId);
  await expect(drawer.getByTestId('check-in-room')).not.toHaveValue('');
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');
  // The next new booking starts afresh, not on this confirmation.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
});

test('in English the new-booking form writes dates, prices and rooms free in English', async ({ page, demoDesk }) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await expect(page.getByTestId('intake-arrival')).toHaveValue(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  await expect(page.getByTestId('intake-rate-plan-terms')).toContainText(
    'Cancellation: Free cancellation within 2 h of booking',
  );
  await page.getByTestId('intake-nights').fill('2');
  await page.getByTestId('intake-room-type').click();
  await expect(page.getByRole('option', { name: /^家庭房 · ¥[\d,]+\.\d\d in all · \d+ rooms? free$/ })).toBeVisible();
  await shot(page, 'v7-intake-en');
});
