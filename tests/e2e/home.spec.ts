/**
 * The home screen per role, on a small hotel built for the test (301 and 302 standard, 501 suite):
 * yesterday 李雷 checked in to 301 for one night, so he is due out today; 王芳 is due in today for
 * two nights; 韩梅梅 has the suite from tomorrow for two nights. The admin opened a complaint and
 * offered it to the agent; the agent asked for a guest to be deleted, which waits for a supervisor.
 * Occupancy by hand: tonight 王芳 alone (1 of 3 rooms), tomorrow 王芳 and 韩梅梅 (2 of 3).
 */
import type { Page } from '@playwright/test';
import { addDays } from '../../src-shared/rules/stay';
import { setBusinessDate } from './db';
import { expect, shot, test, type DeskHarness } from './harness';
import { setUpProperty, signIn, signOut } from './steps';

async function rpc<T>(desk: DeskHarness, name: string, input: unknown = {}): Promise<T> {
  const result = await desk.rpc(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

interface Built {
  today: string;
  arriving: string;
  leaving: string;
}

/** The hotel, its staff and the day described above, made by the admin through the desk's own operations. */
async function buildHotel(desk: DeskHarness): Promise<Built> {
  const { businessDate: today } = await rpc<{ businessDate: string }>(desk, 'businessDay.status');
  const type = (code: string, name: string, baseRateFen: number) =>
    rpc<{ id: string }>(desk, 'roomTypes.save', { code, name, capacity: 2, baseRateFen });
  const standard = (await type('STD', '标准间', 40_000)).id;
  const suite = (await type('STE', '套房', 120_000)).id;
  const rooms: Record<string, string> = {};
  for (const [number, roomTypeId] of [
    ['301', standard],
    ['302', standard],
    ['501', suite],
  ] as const)
    rooms[number] = (await rpc<{ id: string }>(desk, 'rooms.save', { number, floor: 3, roomTypeId })).id;
  for (const [username, displayName, role] of [
    ['lina', '李娜', 'agent'],
    ['chen', '陈主管', 'supervisor'],
  ] as const)
    await rpc(desk, 'staff.create', { username, displayName, role, password: `${username}-pass-1` });
  const guest = async (name: string, phone: string) =>
    (await rpc<{ id: string }>(desk, 'guests.create', { name, phone })).id;
  const book = (guestId: string, roomTypeId: string, arrival: string, departure: string) =>
    rpc<{ id: string; number: string }>(desk, 'bookings.create', {
      guestId,
      channel: 'phone',
      arrival,
      departure,
      roomTypeId,
      adults: 1,
    });

  // Yesterday, as if its night audit had run since: 李雷 checked in for one night.
  setBusinessDate(desk.dataDir, addDays(today, -1));
  const li = await guest('李雷', '13900000002');
  const leaving = await book(li, standard, addDays(today, -1), today);
  await rpc(desk, 'frontDesk.checkIn', { bookingId: leaving.id, roomId: rooms['301'] });
  setBusinessDate(desk.dataDir, today);

  const arriving = await book(await guest('王芳', '13812345678'), standard, today, addDays(today, 2));
  await book(await guest('韩梅梅', '13900000003'), suite, addDays(today, 1), addDays(today, 3));
  const staff = await rpc<{ id: string; username: string }[]>(desk, 'staff.list');
  const complaint = await rpc<{ id: string }>(desk, 'complaints.open', {
    channel: 'phone',
    category: 'noise',
    severity: 'general',
    guestId: li,
    description: '隔壁房间深夜喧哗，无法入睡',
  });
  await rpc(desk, 'complaints.offerHandover', {
    id: complaint.id,
    toStaffId: staff.find((s) => s.username === 'lina')!.id,
  });
  return { today, arriving: arriving.number, leaving: leaving.number };
}

async function inEnglish(page: Page, run: () => Promise<void>): Promise<void> {
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await run();
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-zh-CN').click();
}

test('the agent’s home: what is left to do today, each a click from dealing with it, and live', async ({
  page,
  desk,
}) => {
  await setUpProperty(page, desk.url);
  const { arriving, leaving } = await buildHotel(desk);
  await signOut(page);
  await signIn(page, 'lina', 'lina-pass-1');

  await expect(page.getByTestId('home-layout-desk')).toBeVisible();
  await expect(page.getByTestId('home-arrivals-count')).toHaveText('1');
  await expect(page.getByTestId('home-departures-count')).toHaveText('1');
  await expect(page.getByTestId('home-in-house-count')).toHaveText('1');
  await expect(page.getByTestId('home-arrivals-list')).toContainText('王芳');
  await expect(page.getByTestId('home-departures-list')).toContainText('李雷');
  await expect(page.getByTestId(`home-checkOut-${leaving}`)).toHaveText('退房');
  await expect(page.getByTestId('home-complaints-mine')).toHaveText('1');
  await expect(page.getByTestId('home-offered')).toHaveText('转交给我 1');
  await expect(page.getByTestId('home-callbacks-count')).toHaveText('0');
  // Nothing a manager watches.
  await expect(page.getByTestId('home-overview')).toHaveCount(0);
  await shot(page, 'home-agent');
  await inEnglish(page, async () => {
    await expect(page.getByTestId(`home-checkIn-${arriving}`)).toHaveText('Check in');
    await expect(page.getByTestId('home-offered')).toHaveText('Handed to me 1');
    await shot(page, 'home-agent-en');
  });

  // 入住 opens the booking at its check-in, the room already suggested; the home screen follows without a reload.
  await page.getByTestId(`home-checkIn-${arriving}`).click();
  const drawer = page.getByTestId('booking-drawer');
  await expect(drawer.getByTestId('booking-number')).toHaveText(arriving);
  await expect(drawer.getByTestId('check-in-room')).not.toHaveValue('');
  await drawer.getByTestId('check-in-submit').click();
  await expect(drawer.getByTestId('booking-status')).toHaveText('在住');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('home-arrivals-count')).toHaveText('0');
  await expect(page.getByTestId('home-in-house-count')).toHaveText('2');
  await expect(page.getByTestId('home-arrivals-list')).toContainText('今天的预抵客人都已入住');

  // A count opens its list.
  await page.getByTestId('home-departures').click();
  await expect(page).toHaveURL(/#\/desk\?tab=departures$/);
  await expect(page.getByTestId('desk-business-date')).toBeVisible();
});

test('the supervisor’s home: occupancy, what waits for a decision, and a click to the list', async ({ page, desk }) => {
  await setUpProperty(page, desk.url);
  const { today } = await buildHotel(desk);
  await signOut(page);
  // The agent asks for a duplicate profile to be deleted: a supervisor decides.
  await signIn(page, 'lina', 'lina-pass-1');
  await expect(page.getByTestId('home-layout-desk')).toBeVisible();
  const guests = await rpc<{ id: string; name: string }[]>(desk, 'guests.search', { query: '韩梅梅' });
  await rpc(desk, 'approvals.request', {
    operation: 'guests.delete',
    input: { id: guests[0]!.id },
    reason: '重复档案',
  });
  await signOut(page);
  await signIn(page, 'chen', 'chen-pass-1');

  await expect(page.getByTestId('home-layout-manager')).toBeVisible();
  await expect(page.getByTestId(`home-night-${today}-rate`)).toHaveText('33%');
  await expect(page.getByTestId(`home-night-${today}-rooms`)).toHaveText('1/3 间');
  await expect(page.getByTestId(`home-night-${addDays(today, 1)}-rooms`)).toHaveText('2/3 间');
  await expect(page.getByTestId(`home-night-${addDays(today, 2)}-rooms`)).toHaveText('1/3 间');
  await expect(page.getByTestId(`home-night-${addDays(today, 7)}-rooms`)).toHaveText('0/3 间');
  await expect(page.getByTestId('home-approvals-count')).toHaveText('1');
  await expect(page.getByTestId('home-paperwork-count')).toHaveText('0');
  await expect(page.getByTestId('home-conflicts-count')).toHaveText('0');
  await expect(page.getByTestId('home-complaints-overdue-count')).toHaveText('0');
  // The property began today: no report is finished yet.
  await expect(page.getByTestId('home-reports-count')).toHaveText('0');
  // The desk's counts below, without the lists.
  await expect(page.getByTestId('home-arrivals-count')).toHaveText('1');
  await expect(page.getByTestId('home-arrivals-list')).toHaveCount(0);
  await shot(page, 'home-supervisor');
  await inEnglish(page, async () => {
    await expect(page.getByTestId(`home-night-${today}-rooms`)).toHaveText('1/3 rooms');
    await expect(page.getByTestId('home-approvals')).toContainText('Awaiting approval');
    await shot(page, 'home-supervisor-en');
  });

  await page.getByTestId('home-approvals').click();
  await expect(page).toHaveURL(/#\/approvals\?view=toDecide$/);
  await expect(page.getByTestId('approvals-table').getByTestId('approval-row')).toHaveCount(1);
  await expect(page.getByTestId('approval-row')).toContainText('李娜');
});

test('the administrator’s home: backups, sync and staff, each opening its page', async ({ page, desk }) => {
  await setUpProperty(page, desk.url);
  await expect(page.getByTestId('home-layout-admin')).toBeVisible();
  await expect(page.getByTestId('home-backup-latest')).toHaveText('还没有备份');
  await expect(page.getByTestId('home-sync-state')).toHaveText('未接入中心服务器');
  await expect(page.getByTestId('home-staff-active')).toHaveText('1');
  await expect(page.getByTestId('home-arrivals')).toHaveCount(0);
  await shot(page, 'home-admin');
  await rpc(desk, 'staff.create', { username: 'lina', displayName: '李娜', role: 'agent', password: 'lina-pass-1' });
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('home-staff-active')).toHaveText('2');
  await inEnglish(page, async () => {
    await expect(page.getByTestId('home-backup-latest')).toHaveText('No backup yet');
    await shot(page, 'home-admin-en');
  });
  await page.getByTestId('home-staff').click();
  await expect(page).toHaveURL(/#\/staff$/);
  await expect(page.getByTestId('staff-row-lina')).toBeVisible();
});
