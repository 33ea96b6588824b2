/**
 * Two desk harnesses and one central server: the demo hotel founds the property, a fresh desk
 * joins it from its first-run screen, both sell the last lake-view suite while the server is
 * down, and when it is back one booking stands while the other is a conflict on both desks,
 * which a supervisor resolves.
 */
import { expect, shot, test } from './harness';
import { bookWalkInByKeyboard, signIn, signOut } from './steps';
import { enrol, expectSynced, syncNow, unlockJoinedDesk } from './sync-steps';
import { ServerProcess } from '../support/server-process';

/** A conflict's row (not the empty-list row). */
const CONFLICT_ROW = /^conflict-[0-9a-f]{8}-/;

test('both desks sell the last room offline; one booking stands, the other is a conflict a supervisor resolves', async ({
  demoDesk,
  desk,
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await ServerProcess.start('sqlite');
  try {
    const a = await browser.newPage();
    const b = await browser.newPage();

    // Desk A (the demo hotel) adds a lake-view suite with a single room and founds the property.
    await a.goto(demoDesk.url);
    await signIn(a, 'admin', 'demo-admin-1');
    await expect(a.getByTestId('home-welcome')).toBeVisible();
    const saved = await demoDesk.rpc('roomTypes.save', {
      code: 'LAKE',
      name: '湖景套房',
      capacity: 2,
      baseRateFen: 168_000,
    });
    expect(saved.error).toBeUndefined();
    const room = await demoDesk.rpc('rooms.save', {
      number: '1101',
      floor: 11,
      roomTypeId: (saved.value as { id: string }).id,
    });
    expect(room.error).toBeUndefined();
    await a.getByTestId('nav-settings').click();
    await enrol(a, server.url, await server.issueCode(), 'demo-admin-1');
    await expect(a.getByTestId('sync-enrol-result')).toBeVisible();
    await expectSynced(a);
    await shot(a, 'sync-a-founded');

    // Desk B, fresh, joins from its first-run screen and signs in with the property's own account.
    const session = (await demoDesk.rpc('auth.session')).value as { property: { id: string } };
    await b.goto(desk.url);
    await b.getByTestId('setup-join').click();
    await enrol(b, server.url, await server.issueCode(session.property.id));
    await expect(b.getByTestId('signin-username')).toBeVisible({ timeout: 30_000 });
    await unlockJoinedDesk(b);
    await signIn(b, 'agent2', 'demo-agent-2');
    await expectSynced(b);

    // The server goes down; both desks keep selling, each sure it has the last suite.
    await server.stop();
    await signOut(a);
    await signIn(a, 'agent', 'demo-agent-1');
    await a.getByTestId('nav-desk').click();
    await b.getByTestId('nav-desk').click();
    const first = await bookWalkInByKeyboard(a, '张伟', '湖景');
    const second = await bookWalkInByKeyboard(b, '刘洋', '湖景');
    for (const page of [a, b]) {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('intake-created')).toBeHidden();
      await syncNow(page);
      await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
      await expect(page.getByTestId('sync-pending')).toBeVisible();
    }
    await shot(b, 'sync-b-offline');

    // Back online: A's sale reaches the server first and stands; B's becomes a conflict on both desks.
    await server.resume();
    await syncNow(a);
    await expectSynced(a);
    await syncNow(b);
    await expectSynced(b);
    await syncNow(a);
    for (const page of [a, b]) {
      await expect(page.getByTestId('sync-conflicts')).toContainText('1', { timeout: 20_000 });
      await page.getByTestId('sync-conflicts').click();
      const rows = page.getByTestId('conflicts-open').getByTestId(CONFLICT_ROW);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(second);
      await expect(rows.first()).toContainText('刘洋');
      await expect(rows.first()).not.toContainText(first);
    }
    await shot(a, 'sync-a-conflict');

    // The supervisor at desk A accepts the overbooking; the conflict is settled on both desks.
    await signOut(a);
    await signIn(a, 'supervisor', 'demo-supervisor-1');
    await a.getByTestId('nav-conflicts').click();
    await a.getByTestId('conflict-resolve').click();
    await a.getByTestId('conflict-option-accept').click();
    await a.getByTestId('conflict-note').fill('两位客人都接待，1101 给先订的张伟，刘洋安排合作酒店同级房');
    await shot(a, 'sync-a-resolve');
    await a.getByTestId('conflict-resolve-modal').getByRole('button', { name: '保存' }).click();
    await expect(a.getByTestId('conflicts-open').getByTestId(CONFLICT_ROW)).toHaveCount(0);
    await syncNow(a);
    await expectSynced(a);
    await syncNow(b);
    await expect(b.getByTestId('sync-conflicts')).toHaveCount(0, { timeout: 20_000 });
    await b.getByTestId('conflicts-tab-resolved').click();
    await expect(b.getByTestId('conflicts-resolved').getByTestId(CONFLICT_ROW)).toContainText('陈主管');
    await shot(b, 'sync-b-resolved');
  } finally {
    await server.close();
  }
});
