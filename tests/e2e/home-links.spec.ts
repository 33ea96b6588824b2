/**
 * Every home figure opens its list filtered to exactly what it counts, with the filter shown
 * selected, and a reload (or Back) keeps it. The hotel, built for the test (301–303 standard,
 * 501 suite; the standard room type has an English name):
 * - yesterday 李雷 checked in to 301 (due out today, in house); 赵六 and 孙七 stayed one night and
 *   check out today, each a first stay, so each gets a call-back: 赵六's is due already, 孙七's in
 *   three days (set in the file: the time to call is "24 hours after", which would make the test
 *   depend on the hour it runs). 王芳 arrives today; 韩梅梅 has the suite from tomorrow.
 * - The admin opens complaints: a general one offered to the agent (her one complaint), a general
 *   one opened 30 days ago (past its targets), a major and a group one without a supervisor (a
 *   supervisor waits for the major one only, so the group one shows what the severity filter does).
 * - The agent asks for three guests to be deleted; two of those are made emergency approvals,
 *   already carried out, with paperwork due: one past due, one in two days (set in the file:
 *   granting an emergency approval is another spec's walk). One request waits for a supervisor.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../src-shared/rules/stay';
import { setBusinessDate } from './db';
import { expect, shot, test, type DeskHarness } from './harness';
import { setUpProperty, signIn, signOut } from './steps';

async function rpc<T>(desk: DeskHarness, name: string, input: unknown = {}): Promise<T> {
  const result = await desk.rpc(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Writes the few facts no screen makes quickly (see the header); the harness keeps the file open, WAL lets this in. */
function inFile(desk: DeskHarness, write: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(path.join(desk.dataDir, 'yingbin.db'));
  try {
    write(db);
  } finally {
    db.close();
  }
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function buildHotel(desk: DeskHarness): Promise<void> {
  const { businessDate: today } = await rpc<{ businessDate: string }>(desk, 'businessDay.status');
  const type = (code: string, name: string, nameEn: string | null) =>
    rpc<{ id: string }>(desk, 'roomTypes.save', { code, name, nameEn, capacity: 2, baseRateFen: 40_000 });
  const standard = (await type('STD', '标准间', 'Standard Room')).id;
  const suite = (await type('STE', '套房', null)).id;
  const rooms: Record<string, string> = {};
  for (const [number, roomTypeId] of [
    ['301', standard],
    ['302', standard],
    ['303', standard],
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
    rpc<{ id: string; number: string; totalFen: number }>(desk, 'bookings.create', {
      guestId,
      channel: 'phone',
      arrival,
      departure,
      roomTypeId,
      adults: 1,
    });

  setBusinessDate(desk.dataDir, addDays(today, -1));
  const li = await guest('李雷', '13900000002');
  const staying = await book(li, standard, addDays(today, -1), today);
  await rpc(desk, 'frontDesk.checkIn', { bookingId: staying.id, roomId: rooms['301'] });
  const zhao = await guest('赵六', '13900000004');
  const sun = await guest('孙七', '13900000005');
  const leaving = [];
  for (const [guestId, room] of [
    [zhao, '302'],
    [sun, '303'],
  ] as const) {
    const stay = await book(guestId, standard, addDays(today, -1), today);
    await rpc(desk, 'frontDesk.checkIn', { bookingId: stay.id, roomId: rooms[room] });
    leaving.push(stay);
  }
  setBusinessDate(desk.dataDir, today);
  for (const stay of leaving) {
    await rpc(desk, 'payments.record', {
      bookingId: stay.id,
      kind: 'payment',
      method: 'cash',
      amountFen: stay.totalFen,
    });
    await rpc(desk, 'frontDesk.checkOut', { bookingId: stay.id });
  }
  await book(await guest('王芳', '13812345678'), standard, today, addDays(today, 2));
  await book(await guest('韩梅梅', '13900000003'), suite, addDays(today, 1), addDays(today, 3));

  const complaint = (severity: string) =>
    rpc<{ id: string }>(desk, 'complaints.open', {
      channel: 'phone',
      category: 'noise',
      severity,
      guestId: li,
      description: '隔壁房间深夜喧哗，无法入睡',
    });
  const staff = await rpc<{ id: string; username: string }[]>(desk, 'staff.list');
  const offered = await complaint('general');
  await rpc(desk, 'complaints.offerHandover', {
    id: offered.id,
    toStaffId: staff.find((s) => s.username === 'lina')!.id,
  });
  const old = await complaint('general');
  await complaint('major');
  await complaint('group');

  const now = Date.now();
  inFile(desk, (db) => {
    db.prepare('UPDATE complaint SET opened_at = ? WHERE id = ?').run(iso(now - 30 * 24 * HOUR), old.id);
    const due = db.prepare('UPDATE callback SET due_at = ? WHERE guest_id = ?');
    due.run(iso(now - HOUR), zhao);
    due.run(iso(now + 72 * HOUR), sun);
  });
}

/** The agent asks for three guests to be deleted; two become emergency approvals with paperwork due (see the header). */
async function requestDeletions(desk: DeskHarness): Promise<void> {
  const ids: string[] = [];
  for (const name of ['韩梅梅', '赵六', '孙七']) {
    const [guest] = await rpc<{ id: string }[]>(desk, 'guests.search', { query: name });
    ids.push(
      (
        await rpc<{ id: string }>(desk, 'approvals.request', {
          operation: 'guests.delete',
          input: { id: guest!.id },
          reason: '重复档案',
        })
      ).id,
    );
  }
  const now = Date.now();
  inFile(desk, (db) => {
    const emergency = db.prepare(
      "UPDATE approval_request SET status = 'executed', awaiting_role = NULL, emergency = 1, paperwork_due_at = ? WHERE id = ?",
    );
    emergency.run(iso(now - 24 * HOUR), ids[1]);
    emergency.run(iso(now + 48 * HOUR), ids[2]);
  });
}

/** The count a home tile shows. */
async function countOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(`${testId}-count`).textContent());
}

/** Opens a home link, checks the page shows `rows` rows and the filter selected, reloads, and checks again. */
async function opensFiltered(
  page: Page,
  link: Locator,
  url: RegExp,
  rows: () => Locator,
  count: number,
  selected: () => Promise<void>,
): Promise<void> {
  await link.click();
  await expect(page).toHaveURL(url);
  await selected();
  await expect(rows()).toHaveCount(count);
  await page.reload();
  await expect(page).toHaveURL(url);
  await selected();
  await expect(rows()).toHaveCount(count);
  await page.getByTestId('nav-home').click();
}

/** A new property with the test hotel, and lina (agent) at her home screen. */
async function hotelAsLina(page: Page, desk: DeskHarness): Promise<void> {
  await setUpProperty(page, desk.url);
  await buildHotel(desk);
  await signOut(page);
  await signIn(page, 'lina', 'lina-pass-1');
  await expect(page.getByTestId('home-layout-desk')).toBeVisible();
}

const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });

test('the agent’s home links open the desk’s tab, her complaints and today’s call-backs, each with the rows it counts', async ({
  page,
  desk,
}) => {
  await hotelAsLina(page, desk);
  await expect(page.getByTestId('home-arrivals-list')).toContainText('标准间');
  await shot(page, 'home-links-agent');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('home-arrivals-list')).toContainText('Standard Room');
  await expect(page.getByTestId('home-departures-list')).toContainText('Standard Room');
  await shot(page, 'home-links-agent-en');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-zh-CN').click();

  for (const [tile, tab] of [
    ['home-arrivals', 'arrivals'],
    ['home-departures', 'departures'],
    ['home-in-house', 'inHouse'],
  ] as const) {
    const count = await countOf(page, tile);
    expect(count).toBe(1);
    await opensFiltered(
      page,
      page.getByTestId(tile),
      new RegExp(`#/desk\\?tab=${tab}$`),
      () => page.getByTestId(`desk-list-${tab}`).locator('[data-testid^="day-row-"]'),
      count,
      () => expect(page.getByTestId(`desk-tab-${tab}`)).toHaveAttribute('aria-selected', 'true'),
    );
  }

  await expect(page.getByTestId('home-complaints-mine')).toHaveText('1');
  await opensFiltered(
    page,
    page.getByTestId('home-complaints').getByRole('link', { name: '查看全部' }),
    /#\/complaints\?view=mine$/,
    () => page.getByTestId('complaints-list').locator('[data-testid^="complaint-row-"]'),
    1,
    () => expect(radio(page, '我的')).toBeChecked(),
  );

  await expect(page.getByTestId('home-callbacks-count')).toHaveText('1');
  const callbackRows = () => page.getByTestId('callbacks-list').locator('[data-testid^="callback-row-"]');
  await opensFiltered(
    page,
    page.getByTestId('home-callbacks').getByRole('link', { name: '查看全部' }),
    /#\/callbacks\?view=today$/,
    callbackRows,
    1,
    () => expect(radio(page, '今日到期')).toBeChecked(),
  );
  // The filter is what makes it one: all open call-backs are two; Back returns to today's.
  await page.getByTestId('home-callbacks').getByRole('link', { name: '查看全部' }).click();
  await expect(callbackRows()).toHaveCount(1);
  await expect(callbackRows()).toContainText('赵六');
  await page.getByTestId('callbacks-view').getByText('待回访').click();
  await expect(page).toHaveURL(/#\/callbacks\?view=open$/);
  await expect(callbackRows()).toHaveCount(2);
  await page.goBack();
  await expect(radio(page, '今日到期')).toBeChecked();
  await expect(callbackRows()).toHaveCount(1);
  await shot(page, 'home-links-callbacks-today');
});

test('the supervisor’s home links open complaints by clock and awaiting, approvals to decide, paperwork past due and open conflicts', async ({
  page,
  desk,
}) => {
  await hotelAsLina(page, desk);
  await requestDeletions(desk);
  await signOut(page);
  await signIn(page, 'chen', 'chen-pass-1');
  await expect(page.getByTestId('home-layout-manager')).toBeVisible();
  await shot(page, 'home-links-supervisor');

  const complaintRows = () => page.getByTestId('complaints-list').locator('[data-testid^="complaint-row-"]');
  await expect(page.getByTestId('home-complaints-overdue-count')).toHaveText('1');
  await opensFiltered(
    page,
    page.getByTestId('home-complaints-overdue'),
    /#\/complaints\?view=overdue$/,
    complaintRows,
    1,
    () => expect(radio(page, '已超时')).toBeChecked(),
  );
  await opensFiltered(
    page,
    page.getByTestId('home-complaints-due-soon'),
    /#\/complaints\?view=due_soon$/,
    complaintRows,
    await countOf(page, 'home-complaints-due-soon'),
    () => expect(radio(page, '即将到期')).toBeChecked(),
  );
  // A supervisor waits for the major complaint, not the group one (a director's): the list is filtered to major.
  await expect(page.getByTestId('home-complaints-awaiting-count')).toHaveText('1');
  await opensFiltered(
    page,
    page.getByTestId('home-complaints-awaiting'),
    /#\/complaints\?view=unassigned&severity=major$/,
    complaintRows,
    1,
    async () => {
      await expect(radio(page, '待主管')).toBeChecked();
      await expect(page.getByTestId('complaints-severity')).toHaveValue('重大');
    },
  );

  const approvalRows = () => page.getByTestId('approvals-table').getByTestId('approval-row');
  await expect(page.getByTestId('home-approvals-count')).toHaveText('1');
  await opensFiltered(page, page.getByTestId('home-approvals'), /#\/approvals\?view=toDecide$/, approvalRows, 1, () =>
    expect(radio(page, '待我审批')).toBeChecked(),
  );
  await expect(page.getByTestId('home-paperwork-count')).toHaveText('1');
  await opensFiltered(
    page,
    page.getByTestId('home-paperwork'),
    /#\/approvals\?view=paperwork&overdue=1$/,
    approvalRows,
    1,
    async () => {
      await expect(radio(page, '补办手续')).toBeChecked();
      await expect(page.getByTestId('approvals-overdue-only')).toBeChecked();
    },
  );
  // Without "past due only" the paperwork view holds the one due in two days too.
  await page.getByTestId('home-paperwork').click();
  await expect(approvalRows()).toHaveCount(1);
  await expect(approvalRows()).toHaveAttribute('data-overdue', 'true');
  await shot(page, 'home-links-paperwork');
  await page.getByTestId('approvals-overdue-only').click({ force: true });
  await expect(page).toHaveURL(/#\/approvals\?view=paperwork$/);
  await expect(approvalRows()).toHaveCount(2);
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-en').click();
  await page.goBack();
  await expect(page.getByTestId('approvals-overdue-only')).toBeChecked();
  await expect(approvalRows()).toHaveCount(1);
  await expect(page.getByText('Past due only')).toBeVisible();
  await shot(page, 'home-links-paperwork-en');
  await page.getByTestId('language-menu').click();
  await page.getByTestId('language-zh-CN').click();
  await page.getByTestId('nav-home').click();

  await expect(page.getByTestId('home-conflicts-count')).toHaveText('0');
  await opensFiltered(
    page,
    page.getByTestId('home-conflicts'),
    /#\/conflicts\?tab=open$/,
    () => page.getByTestId('conflicts-open').locator('tr[data-testid^="conflict-"]'),
    0,
    () => expect(page.getByTestId('conflicts-tab-open')).toHaveAttribute('aria-selected', 'true'),
  );
});
