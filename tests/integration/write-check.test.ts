/**
 * The desk holds its own handlers to the write rules: the rows a mutation wrote are read back with
 * what they were before (inserted, or which columns changed), and a write outside the operation's
 * rule stops the mutation before its outbox row exists.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { takeCheckedEffects } from '../../src-main/services/outbox';
import { setStrayImagesAside } from '../../src-main/sync/before-images';
import { touchedMark } from '../../src-main/sync/effects';
import { ADMIN, openDesk, setUpDesk, type Desk } from './desk';

describe('the desk’s own write check', () => {
  let desk: Desk;
  afterEach(() => desk?.close());

  const writer = async () => {
    const { user } = (await desk.call('auth.session'))!;
    return {
      actor: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      deviceId: desk.services.device.id,
      input: {},
    };
  };

  it('describes an update by the columns it changed, and refuses one its operation may not make', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const { user } = (await desk.call('auth.session'))!;
    const who = await writer();
    await expect(
      desk.services.db.transaction().execute(async (trx) => {
        await setStrayImagesAside(trx); // as dispatch does when a mutation begins
        const mark = await touchedMark(trx);
        await trx
          .updateTable('staff')
          .set({ display_name: '王总', updated_at: new Date().toISOString() })
          .where('id', '=', user.id)
          .execute();
        // A password change may write the actor's own hash, never their name.
        return takeCheckedEffects(trx, 'auth.changePassword', who, mark);
      }),
    ).rejects.toThrow(/auth\.changePassword wrote outside its write rule: staff .*column display_name not allowed/);

    const { effects, befores } = await desk.services.db.transaction().execute(async (trx) => {
      await setStrayImagesAside(trx);
      const mark = await touchedMark(trx);
      await trx
        .updateTable('staff')
        .set({ display_name: '王总', updated_at: new Date().toISOString() })
        .where('id', '=', user.id)
        .execute();
      return takeCheckedEffects(trx, 'staff.update', { ...who, input: { id: user.id } }, mark);
    });
    expect(effects).toEqual([
      {
        table: 'staff',
        key: user.id,
        row: expect.objectContaining({ display_name: '王总' }),
        columns: ['display_name', 'updated_at'],
      },
    ]);
    // What it overwrote is kept, to undo it if the server's newer state makes the desk run it again.
    expect(befores).toEqual([
      { table: 'staff', key: user.id, row: expect.objectContaining({ display_name: ADMIN.displayName }) },
    ]);
  });

  it('leaves out what only changed desk-only columns, and sends an insert as a whole row', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    const who = await writer();
    // A wrong password counts on the desk only: nothing of it travels.
    expect((await desk.fail('auth.signIn', { username: ADMIN.username, password: 'wrong-password' })).code).toBe(
      'WRONG_CREDENTIALS',
    );
    const { effects: created } = await desk.services.db.transaction().execute(async (trx) => {
      await setStrayImagesAside(trx);
      const mark = await touchedMark(trx);
      await trx
        .insertInto('closed_date')
        .values({ date: '2026-12-24', reason: '', created_at: new Date().toISOString() })
        .execute();
      return takeCheckedEffects(trx, 'closedDates.set', { ...who, input: { date: '2026-12-24' } }, mark);
    });
    expect(created).toEqual([
      { table: 'closed_date', key: '2026-12-24', row: expect.objectContaining({ date: '2026-12-24' }) },
    ]);
  });
});
