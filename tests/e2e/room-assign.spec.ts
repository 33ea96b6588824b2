/**
 * 排房 before arrival, walked as a supervisor: from the rack's list of today's arrivals a room is
 * kept for a guest still on the way (仅排房) — the row leaves the list and a dashed bar holds the
 * room on the rack; clicking the bar opens the booking, whose check-in offers that room first (and
 * a move afterwards, the rooms free for the rest of the stay). A
 * booking next week is given a room from its drawer (排房) and releases it again. Looked at in
 * Chinese and English.
 */
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { signIn } from './steps';

async function openPage(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#/${target}`), route);
}

test('a room kept for an arrival from the rack is offered first at check-in', async ({ page, demoDesk }) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await openPage(page, 'rack');
  const arrivals = page.getByTestId('rack-arrivals');
  const row = arrivals.locator('tr[data-testid^="rack-arrival-"]').first();
  await expect(row).toBeVisible();
  const number = (await row.getAttribute('data-testid'))!.replace('rack-arrival-', '');
  const count = Number(await page.getByTestId('rack-arrivals-count').textContent());
  const picker = page.getByTestId(`rack-arrival-room-${number}`);
  await expect(picker).not.toHaveValue('');
  const room = (await picker.inputValue()).split('（')[0]!;
  const guest = (await row.locator('button').first().textContent())!;

  await page.getByTestId(`rack-arrival-assign-only-${number}`).click();
  await expect(page.getByTestId(`rack-arrival-${number}`)).toHaveCount(0);
  await expect(page.getByTestId('rack-arrivals-count')).toHaveText(String(count - 1));
  const bar = page.getByTestId(`rack-bar-${number}`);
  await expect(bar).toHaveAttribute('data-held', 'true');
  await page.mouse.move(0, 0);
  await shot(page, '130-rack-room-held');
  // Housekeeping sees whom the room is kept for today.
  await openPage(page, 'housekeeping');
  await expect(page.getByTestId(`hk-arriving-${room}`)).toHaveText(`待入住 · ${guest}`);
  await page.getByTestId(`hk-arriving-${room}`).scrollIntoViewIfNeeded();
  await shot(page, '134-housekeeping-room-kept');
  await openPage(page, 'rack');

  await bar.click();
  await expect(page.getByTestId('booking-room')).toHaveText(room);
  await page.getByTestId('booking-action-checkIn').click();
  await expect(page.getByTestId('check-in-room')).toHaveValue(new RegExp(`^${room}（.*已预排）$`));
  await shot(page, '131-check-in-held-room');
  await page.getByTestId('check-in-form').getByRole('button', { name: '确认入住' }).click();
  await expect(page.getByTestId('booking-status')).toHaveText('在住');
  await expect(page.getByTestId('booking-room')).toHaveText(room);

  // 换房 offers the rooms free for the rest of the stay, the booked type first.
  await page.getByTestId('booking-action-moveRoom').click();
  await page.getByTestId('move-room-room').click();
  const first = page.getByRole('option').first();
  const target = ((await first.textContent()) ?? '').split(' · ')[0]!;
  await first.click();
  await page.getByTestId('move-room-reason').fill('空调噪音');
  await page.getByTestId('move-room-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('booking-room')).toHaveText(target);
});

test('a booking next week is given a room from its drawer and releases it, in Chinese and English', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  const status = await demoDesk.rpc('businessDay.status');
  const today = DateTime.fromISO((status.value as { businessDate: string }).businessDate);
  const types = (await demoDesk.rpc('roomTypes.list', {})).value as { id: string }[];
  const guest = (await demoDesk.rpc('guests.create', { name: '排房测试' })).value as { id: string };
  const made = await demoDesk.rpc('bookings.create', {
    guestId: guest.id,
    channel: 'phone',
    arrival: today.plus({ days: 6 }).toISODate(),
    departure: today.plus({ days: 8 }).toISODate(),
    roomTypeId: types[0]!.id,
    adults: 1,
  });
  expect(made.ok).toBe(true);
  const booking = made.value as { id: string };

  for (const lang of ['zh-CN', 'en'] as const) {
    if (lang === 'en') {
      await page.getByTestId('language-menu').click();
      await page.getByTestId('language-en').click();
    }
    await page.evaluate((id) => (window.location.hash = `#/desk?booking=${id}`), booking.id);
    await page.getByTestId('booking-action-assignRoom').click();
    const picker = page.getByTestId('assign-room-room');
    await expect(picker).not.toHaveValue('');
    const room = (await picker.inputValue()).split(/[（ ]/)[0]!;
    await shot(page, `132-assign-room-${lang}`);
    await page.getByTestId('assign-room-form').locator('button[type="submit"]').click();
    await expect(page.getByTestId('booking-room')).toHaveText(room);
    await expect(page.getByTestId('assign-room-form')).toHaveCount(0);

    await page.getByTestId('booking-action-assignRoom').click();
    await page.getByTestId('assign-room-release').click();
    await expect(page.getByTestId('booking-room')).not.toHaveText(room);
    await shot(page, `133-room-released-${lang}`);
    await page.keyboard.press('Escape');
  }
});
