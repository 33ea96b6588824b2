/**
 * The audit screen names who acted as people know them: the staff member's display name beside
 * the username the entry stored (two people may share a name). A staff member removed since keeps
 * the stored username; the actor filter finds entries by either name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function deskWithTwoLis(): Promise<Desk> {
  const opened = await openDesk();
  await setUpDesk(opened);
  await opened.call('staff.create', {
    username: 'li1',
    displayName: '李娜',
    role: 'admin',
    password: 'li1-pass-1',
  });
  await opened.call('staff.create', {
    username: 'li2',
    displayName: '李娜',
    role: 'admin',
    password: 'li2-pass-1',
  });
  // Each 李娜 writes one entry of her own.
  for (const username of ['li1', 'li2']) {
    await signIn(opened, username);
    await opened.call('staff.create', {
      username: `by-${username}`,
      displayName: `by ${username}`,
      role: 'agent',
      password: `${username}-new-pass-1`,
    });
  }
  await signIn(opened, 'admin', ADMIN.password);
  return opened;
}

const actors = (entries: { actorName: string | null; actorDisplayName: string | null }[]) =>
  entries.map((entry) => [entry.actorName, entry.actorDisplayName]);

describe('who acted, in the audit list', () => {
  it('names each actor by display name and keeps the username apart', async () => {
    desk = await deskWithTwoLis();
    const { entries } = await desk.call('audit.list', { operation: 'staff.create' });
    expect(actors(entries)).toEqual([
      ['li2', '李娜'],
      ['li1', '李娜'],
      ['admin', '王经理'],
      ['admin', '王经理'],
    ]);
  });

  it('shows a renamed actor by the name they have now', async () => {
    desk = await deskWithTwoLis();
    const li1 = (await desk.call('staff.list', {})).find((member) => member.username === 'li1')!;
    await desk.call('staff.update', { id: li1.id, displayName: '李娜（前台）', role: 'admin', active: true });
    const { entries } = await desk.call('audit.list', { actor: 'li1', operation: 'staff.create' });
    expect(actors(entries)).toEqual([['li1', '李娜（前台）']]);
  });

  it('keeps the stored username for an actor removed since', async () => {
    desk = await deskWithTwoLis();
    // As the server's removal of li2 leaves her row on the desk.
    desk.services.sqlite
      .prepare("UPDATE staff SET deleted_at = '2026-11-27T00:00:00.000Z' WHERE username = 'li2'")
      .run();
    const { entries } = await desk.call('audit.list', { operation: 'staff.create', limit: 2 });
    expect(actors(entries)).toEqual([
      ['li2', null],
      ['li1', '李娜'],
    ]);
    // Found by the username the entry kept, no longer by the name she had.
    expect(actors((await desk.call('audit.list', { actor: 'li2', operation: 'staff.create' })).entries)).toEqual([
      ['li2', null],
    ]);
    expect(actors((await desk.call('audit.list', { actor: '李娜', operation: 'staff.create' })).entries)).toEqual([
      ['li1', '李娜'],
    ]);
  });

  it('filters by part of a display name or of a username', async () => {
    desk = await deskWithTwoLis();
    expect(actors((await desk.call('audit.list', { actor: '李', operation: 'staff.create' })).entries)).toEqual([
      ['li2', '李娜'],
      ['li1', '李娜'],
    ]);
    expect(actors((await desk.call('audit.list', { actor: '王经理', operation: 'staff.create' })).entries)).toEqual([
      ['admin', '王经理'],
      ['admin', '王经理'],
    ]);
    expect((await desk.call('audit.list', { actor: 'li', operation: 'staff.create' })).entries).toHaveLength(2);
    expect((await desk.call('audit.list', { actor: 'nobody' })).entries).toEqual([]);
  });
});
