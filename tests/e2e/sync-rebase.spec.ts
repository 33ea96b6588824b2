/**
 * Two desk harnesses and one central server: desk B's link is cut; desk A cancels a booking both
 * desks hold and the server takes it; desk B, still showing it confirmed, changes its dates. When
 * B's link is back its change cannot be run again on the cancelled booking: the booking stays
 * cancelled on both desks, and both list one 离线操作未能重做 work item naming the change, who made
 * it, at which desk, when and why, which a supervisor marks 已人工处理.
 */
import net from 'node:net';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './harness';
import { dateIn, fillDate, shownDate, signIn, signOut } from './steps';
import { enrol, expectSynced, syncNow, unlockJoinedDesk } from './sync-steps';
import { ServerProcess } from '../support/server-process';

/** A conflict's row (not the empty-list row). */
const CONFLICT_ROW = /^conflict-[0-9a-f]{8}-/;

/** What the staff must never be shown: operation names, error codes, ISO instants. */
const RAW = /bookings\.change|BOOKING_STATE|rebase_refused|\d{4}-\d{2}-\d{2}T\d{2}:/;

/**
 * One desk's network link to the server: a loopback TCP relay that can be cut (the port refuses
 * connections, open ones are dropped, as when the cable is pulled) and healed on the same port.
 */
class Link {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  private port = 0;

  private constructor(private readonly target: number) {}

  static async start(target: number): Promise<Link> {
    const link = new Link(target);
    await link.heal();
    return link;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async heal(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/** "/" and the booking number open the booking's drawer. */
async function openBookingBySearch(page: Page, number: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  await page.keyboard.type(number);
  await expect(page.getByTestId(`search-booking-${number}`)).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('booking-drawer').getByTestId('booking-number')).toHaveText(number);
}

/** Waits for drawers and modals to finish sliding in, so a screenshot shows them whole. */
async function still(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

async function closeDrawer(page: Page): Promise<void> {
  await page.getByTestId('booking-drawer').press('Escape');
  await expect(page.getByTestId('booking-drawer').getByTestId('booking-number')).toBeHidden();
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * A booking by phone for one night a week ahead, for a new guest: far enough off that changing it
 * needs no approval (only changes for guests arriving today are held). Returns its number.
 */
async function bookAhead(page: Page, guestName: string, roomTypeText: string): Promise<string> {
  await page.keyboard.press('n');
  await expect(page.getByTestId('intake-guest-search')).toBeFocused();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('intake-new-guest-name')).toBeFocused();
  await page.keyboard.type(guestName);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-guest')).toContainText(guestName);
  await expect(page.getByTestId('intake-room-type')).toBeFocused();
  await page.keyboard.type(roomTypeText);
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-channel').getByText('电话', { exact: true }).click();
  // The date fields write dates in the UI language (2026年12月8日) and read ISO dates typed in.
  const arrival = addDays(await dateIn(page.getByTestId('intake-arrival')), 7);
  await fillDate(page.getByTestId('intake-arrival'), arrival);
  await expect(page.getByTestId('intake-departure')).toHaveValue(shownDate(addDays(arrival, 1)));
  await expect(page.getByTestId('intake-quote-total')).toBeVisible();
  await page.getByTestId('intake-submit').click();
  const number = page.getByTestId('intake-created-number');
  await expect(number).toBeVisible();
  return (await number.textContent())!.trim();
}

test('a change made offline on a booking another desk cancelled is refused on rebase: the booking stays cancelled and a supervisor settles the work item on both desks', async ({
  demoDesk,
  desk,
  browser,
}) => {
  test.setTimeout(150_000);
  const server = await ServerProcess.start('sqlite');
  // Desk B reaches the server only through its own link, which can be cut while desk A stays online.
  const link = await Link.start(server.port);
  try {
    const a = await browser.newPage();
    const b = await browser.newPage();

    // Desk A (the demo hotel) founds the property; desk B joins from its first-run screen.
    await a.goto(demoDesk.url);
    await signIn(a, 'admin', 'demo-admin-1');
    await expect(a.getByTestId('home-welcome')).toBeVisible();
    await a.getByTestId('nav-settings').click();
    await enrol(a, server.url, await server.issueCode(), 'demo-admin-1');
    await expect(a.getByTestId('sync-enrol-result')).toBeVisible();
    await expectSynced(a);
    const session = (await demoDesk.rpc('auth.session')).value as { property: { id: string } };
    await b.goto(desk.url);
    await b.getByTestId('setup-join').click();
    await enrol(b, link.url, await server.issueCode(session.property.id));
    await expect(b.getByTestId('signin-username')).toBeVisible({ timeout: 30_000 });
    await unlockJoinedDesk(b);
    await signIn(b, 'agent2', 'demo-agent-2');
    await expectSynced(b);
    const deskB = ((await desk.rpc('sync.status')).value as { deskCode: string }).deskCode;

    // 李娜 takes a booking by phone at desk A; both desks hold it.
    await signOut(a);
    await signIn(a, 'agent', 'demo-agent-1');
    await a.getByTestId('nav-desk').click();
    const number = await bookAhead(a, '赵磊', '标准大床');
    await a.keyboard.press('Escape');
    await expect(a.getByTestId('intake-created')).toBeHidden();
    await syncNow(a);
    await expectSynced(a);
    await b.getByTestId('nav-desk').click();
    await syncNow(b);
    await expectSynced(b);
    await openBookingBySearch(b, number);
    await expect(b.getByTestId('booking-drawer').getByTestId('booking-status')).toContainText('已确认');

    // Desk B's link goes down. At desk A the guest cancels; the server takes the cancellation.
    await link.cut();
    await openBookingBySearch(a, number);
    await a.getByTestId('booking-drawer').getByTestId('booking-action-cancel').click();
    const cancel = a.getByTestId('cancel-dialog');
    await expect(cancel.getByTestId('cancel-quote-penalty')).toBeVisible();
    await cancel.getByTestId('cancel-submit').click();
    await expect(cancel.getByTestId('cancel-result-number')).toBeVisible();
    await cancel.getByTestId('cancel-result-close').click();
    await expect(a.getByTestId('booking-drawer').getByTestId('booking-status')).toContainText('已取消');
    await closeDrawer(a);
    await syncNow(a);
    await expectSynced(a);

    // Desk B has not heard: 王芳 adds a night at the guest's written request, offline.
    const drawerB = b.getByTestId('booking-drawer');
    await drawerB.getByTestId('booking-action-change').click();
    const departure = await dateIn(b.getByTestId('change-departure'));
    await fillDate(b.getByTestId('change-departure'), addDays(departure, 1));
    await b.getByTestId('auth-ref').fill('客人签字 2 号');
    await b.getByTestId('change-submit').click();
    await expect(b.getByTestId('change-form')).toBeHidden();
    await expect(drawerB.getByTestId('booking-status')).toContainText('已确认');
    await closeDrawer(b);
    await syncNow(b);
    await expect(b.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(b.getByTestId('sync-pending')).toBeVisible();

    // The link is back: B's change, run again on the cancelled booking, is refused and becomes a work item on both desks.
    await link.heal();
    await syncNow(b);
    await expectSynced(b);
    await syncNow(a);
    await expectSynced(a);
    for (const [page, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      await expect(page.getByTestId('sync-conflicts')).toContainText('1', { timeout: 20_000 });
      await page.getByTestId('sync-conflicts').click();
      const rows = page.getByTestId('conflicts-open').getByTestId(CONFLICT_ROW);
      await expect(rows).toHaveCount(1);
      const row = rows.first();
      await expect(row).toContainText('离线操作未能重做');
      await expect(row).toContainText(number);
      await expect(row).toContainText('赵磊');
      await expect(row).toContainText('修改预订');
      await expect(row).toContainText('王芳');
      await expect(row).toContainText(deskB);
      await expect(row).toContainText('预订当前状态下不能执行此操作');
      await expect(row).toContainText('此操作没有生效');
      await expect(row).not.toContainText(RAW);
      await shot(page, `sync-rebase-${name}-conflicts`);

      // The booking stays cancelled, with the red banner sending staff to the work item.
      await row.getByRole('button', { name: number }).click();
      const drawer = page.getByTestId('booking-drawer');
      await expect(drawer.getByTestId('booking-status')).toContainText('已取消');
      const alert = drawer.getByTestId('booking-conflict-alert');
      await expect(alert).toContainText('离线操作未能重做');
      await expect(alert.getByTestId('booking-conflict-refused')).toContainText('王芳');
      await expect(alert.getByTestId('booking-conflict-refused')).toContainText('修改预订');
      await expect(alert).not.toContainText('销售');
      await expect(alert).not.toContainText(RAW);
      await still(page);
      await shot(page, `sync-rebase-${name}-booking`);
      await closeDrawer(page);
    }

    // 陈主管 (supervisor) at desk A has dealt with it and marks it 已人工处理; it is settled on both desks.
    await signOut(a);
    await signIn(a, 'supervisor', 'demo-supervisor-1');
    await a.getByTestId('nav-conflicts').click();
    await a.getByTestId('conflict-resolve').click();
    const modal = a.getByTestId('conflict-resolve-modal');
    await expect(modal.getByTestId('conflict-option-acknowledge')).toBeChecked();
    await expect(modal).toContainText('王芳');
    await expect(modal).not.toContainText(RAW);
    await modal.getByTestId('conflict-note').fill('已致电客人：预订已取消，如需续住请重新预订');
    await still(a);
    await shot(a, 'sync-rebase-a-resolve');
    await modal.getByRole('button', { name: '保存' }).click();
    await expect(a.getByTestId('conflicts-open').getByTestId(CONFLICT_ROW)).toHaveCount(0);
    await syncNow(a);
    await expectSynced(a);
    await syncNow(b);
    await expect(b.getByTestId('sync-conflicts')).toHaveCount(0, { timeout: 20_000 });
    for (const page of [a, b]) {
      await page.getByTestId('nav-conflicts').click();
      await expect(page.getByTestId('conflicts-open').getByTestId(CONFLICT_ROW)).toHaveCount(0);
      await page.getByTestId('conflicts-tab-resolved').click();
      const resolved = page.getByTestId('conflicts-resolved').getByTestId(CONFLICT_ROW);
      await expect(resolved).toHaveCount(1);
      await expect(resolved.first()).toContainText('已人工处理');
      await expect(resolved.first()).toContainText('陈主管');
      await expect(resolved.first()).not.toContainText(RAW);
    }
    await shot(b, 'sync-rebase-b-resolved');

    // Read in the other languages, the item still names the change in words, never in codes.
    const resolvedB = b.getByTestId('conflicts-resolved').getByTestId(CONFLICT_ROW).first();
    for (const [locale, words] of [
      ['zh-TW', ['離線操作未能重做', '修改預訂', '已人工處理']],
      ['en', ['Offline change not redone', 'Change booking', 'Dealt with by hand']],
    ] as const) {
      await b.getByTestId('language-menu').click();
      await b.getByTestId(`language-${locale}`).click();
      for (const word of words) await expect(resolvedB).toContainText(word);
      await expect(resolvedB).not.toContainText(RAW);
    }
    await shot(b, 'sync-rebase-b-resolved-en');
  } finally {
    await link.cut();
    await server.close();
  }
});
