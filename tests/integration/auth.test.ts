import { afterEach, describe, expect, it } from 'vitest';
import { takeEffects } from '../../src-main/sync/effects';
import { addStaff, ADMIN, openDesk, setUpDesk, signIn, type Desk } from './desk';

let desk: Desk;
afterEach(() => desk?.close());

async function staffRow(username: string) {
  return desk.services.db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
}

describe('sign-in', () => {
  it('signs in offline against the local hash and reports the permissions of the role', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    const session = await signIn(desk, 'LINA', 'lina-pass-1');
    expect(session.user).toMatchObject({ username: 'lina', role: 'agent' });
    expect(session.permissions).toEqual(expect.arrayContaining(['guests.view', 'bookings.manage', 'tickets.sell']));
    expect(session.permissions).not.toContain('staff.manage');
    expect(session.property).toMatchObject({
      name: '西湖宾馆',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      idleLockMinutes: 10,
    });
  });

  it('answers a wrong password and an unknown user alike, and counts the failure', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    expect(await desk.fail('auth.signIn', { username: 'admin', password: 'nope-nope' })).toEqual({
      code: 'WRONG_CREDENTIALS',
    });
    expect(await desk.fail('auth.signIn', { username: 'ghost', password: 'nope-nope' })).toEqual({
      code: 'WRONG_CREDENTIALS',
    });
    expect((await staffRow('admin')).failed_attempts).toBe(1);
    const failures = await desk.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation', '=', 'auth.signIn')
      .where('outcome', '=', 'failed')
      .execute();
    expect(failures).toHaveLength(2);
    expect(failures.every((row) => !row.detail_json?.includes('nope-nope'))).toBe(true);
  });

  it('locks the account on the fifth wrong password, refuses even the right one until the lock ends', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await addStaff(desk, 'lina', 'agent');
    for (let i = 1; i <= 4; i++)
      expect((await desk.fail('auth.signIn', { username: 'lina', password: `wrong-${i}` })).code).toBe(
        'WRONG_CREDENTIALS',
      );
    const fifth = await desk.fail('auth.signIn', { username: 'lina', password: 'wrong-5' });
    expect(fifth.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.params?.['until']).toBe('2026-11-26T02:15:00.000Z');
    expect((await desk.fail('auth.signIn', { username: 'lina', password: 'lina-pass-1' })).code).toBe('ACCOUNT_LOCKED');
    desk.clock.advanceMinutes(14);
    expect((await desk.fail('auth.signIn', { username: 'lina', password: 'lina-pass-1' })).code).toBe('ACCOUNT_LOCKED');
    desk.clock.advanceMinutes(1);
    await signIn(desk, 'lina');
    expect(await staffRow('lina')).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('answers an unknown username exactly as a known one, attempt after attempt, through the lock and after it', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const lina = await addStaff(desk, 'lina', 'agent');
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 1; i <= 6; i++) seen.push(await desk.fail('auth.signIn', { username, password: `wrong-${i}` }));
      return seen;
    };
    const known = await answers('lina');
    const unknown = await answers('ghost');
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.code)).toEqual([
      'WRONG_CREDENTIALS',
      'WRONG_CREDENTIALS',
      'WRONG_CREDENTIALS',
      'WRONG_CREDENTIALS',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
    expect(known[5]).toEqual({ code: 'ACCOUNT_LOCKED', params: { until: '2026-11-26T02:15:00.000Z' } });
    // Case and spaces make no new name; after the lock both start counting again.
    expect(await desk.fail('auth.signIn', { username: ' GHOST ', password: 'wrong' })).toEqual(known[5]);
    desk.clock.advanceMinutes(15);
    expect(await desk.fail('auth.signIn', { username: 'ghost', password: 'wrong' })).toEqual(
      await desk.fail('auth.signIn', { username: 'lina', password: 'wrong' }),
    );
    // Only the real account signs in, once its lock is over.
    await signIn(desk, 'lina');
    // The counting stays on this desk: nothing of it is a change to sync (a staff row's updated_at included).
    expect((await takeEffects(desk.services.db, 0)).filter(({ effect }) => effect.key === lina.id)).toEqual([]);
  });

  it('lets an admin unlock a locked account by resetting its password', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const lina = await addStaff(desk, 'lina', 'agent');
    for (let i = 0; i < 5; i++) await desk.fail('auth.signIn', { username: 'lina', password: 'wrong-pass' });
    await signIn(desk, 'admin', ADMIN.password);
    const reset = await desk.call('staff.resetPassword', { id: lina.id, password: 'brand-new-1' });
    expect(reset.lockedUntil).toBeNull();
    await signIn(desk, 'lina', 'brand-new-1');
  });

  it('refuses a disabled account', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const lina = await addStaff(desk, 'lina', 'agent');
    await desk.call('staff.update', { id: lina.id, displayName: 'lina', role: 'agent', active: false });
    expect((await desk.fail('auth.signIn', { username: 'lina', password: 'lina-pass-1' })).code).toBe(
      'ACCOUNT_DISABLED',
    );
  });
});

describe('the idle desk', () => {
  it('locks itself after the idle minutes and asks the same person for the password', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    desk.clock.advanceMinutes(9);
    await desk.call('staff.list');
    desk.clock.advanceMinutes(10);
    // Reading the session is enough to find the desk idle: the renderer learns it without trying a call.
    expect((await desk.call('auth.session'))?.locked).toBe(true);
    expect((await desk.fail('staff.list')).code).toBe('SESSION_LOCKED');
    expect((await desk.fail('auth.unlock', { password: 'not-it-123' })).code).toBe('WRONG_PASSWORD');
    const unlocked = await desk.call('auth.unlock', { password: ADMIN.password });
    expect(unlocked.locked).toBe(false);
    expect(await desk.call('staff.list')).toHaveLength(1);
  });

  it('stays unlocked while the person keeps working without calls (keep-alive)', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (let i = 0; i < 3; i++) {
      desk.clock.advanceMinutes(9);
      await desk.call('auth.keepAlive');
    }
    expect((await desk.call('auth.session'))?.locked).toBe(false);
    expect(await desk.call('staff.list')).toHaveLength(1);
  });

  it('locks at once when the agent steps away', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    await desk.call('auth.lock');
    expect((await desk.fail('permissions.matrix')).code).toBe('SESSION_LOCKED');
    await desk.call('auth.signOut');
    expect(await desk.call('auth.session')).toBeNull();
  });
});

describe('own password', () => {
  it('changes only with the current password', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    expect(
      (await desk.fail('auth.changePassword', { currentPassword: 'wrong-one', newPassword: 'next-pass-2' })).code,
    ).toBe('WRONG_PASSWORD');
    await desk.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'next-pass-2' });
    await desk.call('auth.signOut');
    await signIn(desk, 'admin', 'next-pass-2');
  });
});
