/**
 * English names across the desk: an admin gives a room type and the rack rate English names in
 * 房型与价格; an agent enrols a member; in English the day table, the booking drawer, the
 * availability grid, the rack's arrivals, the housekeeping board and the member's tier badge show
 * the English names (the default tiers have theirs from the start), and in Chinese the Chinese ones.
 */
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { openGuestBySearch, settled, signIn, signOut } from './steps';

const GUEST = 'C00000012';

async function openPage(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => (window.location.hash = `#/${target}`), route);
}

async function switchLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language-menu').click();
  await page.getByTestId(`language-${language}`).click();
}

interface Summary {
  number: string;
  roomTypeId: string;
  roomTypeName: string;
}

test('room types, rate plans and member tiers read in English when the desk speaks English', async ({
  page,
  demoDesk,
}) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'admin', 'demo-admin-1');
  await expect(page.getByTestId('nav-setup')).toBeVisible();
  const day = (await demoDesk.rpc('bookings.day')).value as { arrivals: Summary[] };
  const arrival = day.arrivals[0]!;
  const types = (await demoDesk.rpc('roomTypes.list')).value as { id: string; code: string; name: string }[];
  const type = types.find((t) => t.id === arrival.roomTypeId)!;
  const rooms = (await demoDesk.rpc('rooms.list')).value as { number: string; roomTypeId: string }[];
  const room = rooms.find((r) => r.roomTypeId === type.id)!;
  const english = `${type.code} in English`;

  // 房型与价格: the arrival's room type and the rack rate get English names.
  await page.getByTestId('nav-setup').click();
  await page.getByTestId(`room-type-edit-${type.code}`).click();
  await page.getByTestId('room-type-form-name-en').fill(english);
  await page.getByTestId('room-type-form-submit').click();
  await expect(page.getByTestId('room-type-form-name-en')).toHaveCount(0);
  await page.getByTestId('setup-tab-ratePlans').click();
  await page.getByTestId('rate-plan-edit-BAR').click();
  await page.getByTestId('rate-plan-form-name-en').fill('Best Available Rate');
  await page.getByTestId('rate-plan-form-submit').click();
  await expect(page.getByTestId('rate-plan-form-name-en')).toHaveCount(0);
  await signOut(page);

  // The agent enrols a guest: a standard member, 普通 in Chinese.
  await signIn(page, 'agent', 'demo-agent-1');
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await openGuestBySearch(page, GUEST);
  const profile = page.getByTestId('guest-drawer');
  await profile.getByTestId('member-enroll').click();
  // The form's modal opens over the profile: click 保存 once it stands still.
  await settled(page.getByRole('dialog', { name: '办理入会' }));
  await page.getByTestId('member-enroll-submit').click();
  const tier = profile.getByTestId('member-card').getByTestId('member-tier');
  await expect(tier).toHaveText('普通');
  await settled(profile);
  await page.keyboard.press('Escape');
  await expect(profile).toBeHidden();

  // In English: the tier badge, then every place a room type or rate plan is named.
  await switchLanguage(page, 'en');
  await openGuestBySearch(page, GUEST);
  await expect(tier).toHaveText('Standard');
  await settled(profile);
  await shot(page, 'en1-member-tier');
  await page.keyboard.press('Escape');
  await expect(profile).toBeHidden();

  await page.getByTestId('nav-desk').click();
  const row = page.getByTestId(`day-row-${arrival.number}`);
  await expect(row).toContainText(english);
  await expect(row).not.toContainText(type.name);
  await shot(page, 'en2-desk-day-table');

  await row.click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-room-type')).toHaveText(english);
  await expect(drawer.getByTestId('booking-rate-plan')).toHaveText('Best Available Rate');
  await settled(drawer);
  await shot(page, 'en3-booking-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  await openPage(page, 'availability');
  await expect(page.getByTestId(`grid-row-${type.id}`)).toContainText(english);
  await shot(page, 'en4-availability-grid');

  await openPage(page, 'rack');
  await expect(page.getByTestId(`rack-arrival-${arrival.number}`)).toContainText(english);
  await page.mouse.move(0, 0);
  await shot(page, 'en5-rack');

  await openPage(page, 'housekeeping');
  await expect(page.getByTestId(`hk-type-${room.number}`)).toHaveText(english);
  await shot(page, 'en6-housekeeping');

  // Back in Chinese, the Chinese names.
  await switchLanguage(page, 'zh-CN');
  await expect(page.getByTestId(`hk-type-${room.number}`)).toHaveText(type.name);
  await page.getByTestId('nav-desk').click();
  await expect(page.getByTestId(`day-row-${arrival.number}`)).toContainText(type.name);
});
