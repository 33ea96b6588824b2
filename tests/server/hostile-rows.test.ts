/**
 * A hostile desk tampering with the rows of real mutations before they sync: another desk's audit
 * entries rewritten, deleted or forged; staff, permission and booking rows slipped under a signed-in
 * operation; another person's password; oversized, unknown and desk-only columns; another
 * property's row; a row filed under another key; a mutation replayed. Each is refused with its
 * reason, and neither the server nor the honest founding desk, once it has synced, sees any change.
 */
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ADMIN, signIn } from '../integration/desk';
import { BACKENDS } from './backends';
import { signedInKey } from './desk-signing';
import { foundProperty } from './fixtures';
import {
  effectOf,
  hostileSuite,
  refusal,
  rowIn,
  serverRows,
  serverTable,
  syncDesk,
  variant,
  type HostileProperty,
} from './hostile-desk';

/** The founding desk's audit entry of an operation, as the server holds it. */
async function founderAuditEntry(property: HostileProperty, operation: string) {
  const entries = [...(await serverTable(property.server, property.propertyId, 'audit_log')).values()];
  const entry = entries.find(
    (row) => row.device_id === property.founder.services.device.id && row.operation === operation,
  );
  if (!entry) throw new Error(`no ${operation} entry of the founding desk on the server`);
  return entry;
}

describe.each(BACKENDS)('a hostile desk tampering with rows on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('another desk’s audit entry cannot be rewritten, deleted or forged — under a job or under a real mutation (WRITE_NOT_ALLOWED)', async () => {
    const property = await suite.property();
    const { attacker, joined, founder } = property;
    const entry = await founderAuditEntry(property, 'guests.create');
    const rewritten = { ...entry, detail_json: JSON.stringify({ input: { name: '无此人' } }) };
    await joined.call('guests.create', { name: '赵敏', phone: '13900000000' });
    const created = await attacker.lastOutbox('guests.create');
    const forged = {
      ...rowIn(created, 'audit_log'),
      id: uuidv7(),
      device_id: founder.services.device.id,
      operation: 'guests.delete',
    };
    const before = await property.state();

    const results = await attacker.push(
      variant(created, { name: 'job.changes', actorId: null, input: {}, effects: [effectOf('audit_log', rewritten)] }),
      variant(created, { effects: [...created.effects, effectOf('audit_log', rewritten)] }),
      variant(created, {
        name: 'job.changes',
        actorId: null,
        input: {},
        effects: [{ table: 'audit_log', key: String(entry.id), row: null }],
      }),
      variant(created, { effects: [...created.effects, effectOf('audit_log', forged)] }),
    );

    expect(results).toEqual([
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/^audit_log:.*update not allowed/))),
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/^audit_log:.*update not allowed/))),
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/^audit_log:.*delete not allowed/))),
      expect.objectContaining(refusal('WRITE_NOT_ALLOWED', expect.stringMatching(/^audit_log:.*another desk/))),
    ]);
    expect(await property.state()).toEqual(before);
  });

  it('a signed-in operation — an approval request, a password change — carrying staff, permission or booking rows is refused (WRITE_NOT_ALLOWED)', async () => {
    const property = await suite.property();
    const { attacker, joined, hotel, staff } = property;
    await joined.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-12-01',
      departure: '2026-12-03',
      roomTypeId: hotel.standard,
      adults: 1,
    });
    await joined.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: hotel.guest },
      reason: '重复档案',
    });
    // The key of lina's old password, which signed these entries and her change: the server knows her by it until the change reaches it.
    const linaKey = signedInKey(joined);
    await joined.call('auth.changePassword', { currentPassword: 'lina-pass-1', newPassword: 'lina-pass-2' });
    const [booking, request, password] = [
      await attacker.lastOutbox('bookings.create'),
      await attacker.lastOutbox('approvals.request'),
      await attacker.lastOutbox('auth.changePassword'),
    ];
    const lina = rowIn(password, 'staff', staff.lina);
    const promotion = effectOf('staff', { ...lina, role: 'admin' }, ['role']);
    const grant = effectOf('role_permission', { role: 'agent', permission: 'staff.manage' });
    const before = await property.state();

    const results = await attacker.pushSignedWith(
      linaKey,
      variant(request, { effects: [...request.effects, promotion] }),
      variant(request, { effects: [...request.effects, grant] }),
      variant(request, {
        effects: [...request.effects, ...booking.effects.filter((effect) => effect.table !== 'audit_log')],
      }),
      variant(password, { effects: [...password.effects, grant] }),
    );

    expect(results.map(({ reason, detail }) => [reason, detail?.split(':')[0]])).toEqual([
      ['WRITE_NOT_ALLOWED', 'staff'],
      ['WRITE_NOT_ALLOWED', 'role_permission'],
      ['WRITE_NOT_ALLOWED', 'booking'],
      ['WRITE_NOT_ALLOWED', 'role_permission'],
    ]);
    expect(await property.state()).toEqual(before);
    // The request as the desk wrote it is accepted: it was the extra rows that were refused.
    expect((await attacker.push(request))[0]).toMatchObject({ status: 'applied' });
  });

  it('auth.changePassword rewritten to set the admin’s hash to the agent’s new one is refused (WRITE_NOT_ALLOWED): the admin’s password still opens, the agent’s does not', async () => {
    const property = await suite.property();
    const { attacker, joined, founder, server, propertyId, staff } = property;
    // Her change is signed with the key of her old password (the one the server knows): so is the rewritten one.
    const linaKey = signedInKey(joined);
    await joined.call('auth.changePassword', { currentPassword: 'lina-pass-1', newPassword: 'lina-pass-2' });
    const change = await attacker.lastOutbox('auth.changePassword');
    const admin = (await serverTable(server, propertyId, 'staff')).get(staff.admin!)!;
    const takeover = effectOf('staff', { ...admin, password_hash: rowIn(change, 'staff', staff.lina).password_hash }, [
      'password_hash',
    ]);
    const before = await property.state();

    const [result] = await attacker.pushSignedWith(
      linaKey,
      variant(change, { effects: [...change.effects.filter((effect) => effect.table !== 'staff'), takeover] }),
    );

    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', expect.stringContaining('id is not the actor')));
    expect(await property.state()).toEqual(before);
    expect(await founder.fail('auth.signIn', { username: 'admin', password: 'lina-pass-2' })).toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
    expect((await founder.call('auth.signIn', { username: 'admin', password: ADMIN.password })).user.username).toBe(
      'admin',
    );
    // Her own change goes through, and reaches the honest desk.
    expect((await attacker.push(change))[0]).toMatchObject({ status: 'applied' });
    await syncDesk(founder);
    expect((await founder.call('auth.signIn', { username: 'lina', password: 'lina-pass-2' })).user.username).toBe(
      'lina',
    );
  });

  it('a guest with a 1 MB name, or with a column no desk has, is refused (ROW_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, joined } = property;
    await joined.call('guests.create', { name: '赵敏', phone: '13900000000' });
    const created = await attacker.lastOutbox('guests.create');
    const guest = rowIn(created, 'guest');
    const withGuest = (row: Record<string, unknown>) =>
      variant(created, {
        effects: created.effects.map((effect) => (effect.table === 'guest' ? { ...effect, row } : effect)),
      });
    const before = await property.state();

    const results = await attacker.push(
      withGuest({ ...guest, name: '赵'.repeat(1 << 20) }),
      withGuest({ ...guest, vip_discount_fen: 100_000 }),
    );

    expect(results).toEqual([
      expect.objectContaining(refusal('ROW_INVALID', expect.stringMatching(/^guest\.name: /))),
      expect.objectContaining(refusal('ROW_INVALID', 'guest.vip_discount_fen: unknown column')),
    ]);
    expect(await property.state()).toEqual(before);
  });

  it('the desk-only lockout columns pushed with a staff row are refused (ROW_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, joined, staff } = property;
    const linaKey = signedInKey(joined);
    await joined.call('auth.changePassword', { currentPassword: 'lina-pass-1', newPassword: 'lina-pass-2' });
    const change = await attacker.lastOutbox('auth.changePassword');
    const unlocked = { ...rowIn(change, 'staff', staff.lina), failed_attempts: 0, locked_until: null };
    const before = await property.state();

    const [result] = await attacker.pushSignedWith(
      linaKey,
      variant(change, {
        effects: change.effects.map((effect) =>
          effect.table === 'staff'
            ? effectOf('staff', unlocked, ['password_hash', 'failed_attempts', 'locked_until'])
            : effect,
        ),
      }),
    );

    expect(result).toMatchObject(refusal('ROW_INVALID', 'staff.failed_attempts: unknown column'));
    expect(await property.state()).toEqual(before);
  });

  it('a property row with another property’s id is refused (WRITE_NOT_ALLOWED), and that property is untouched', async () => {
    const property = await suite.property();
    const { attacker, joined, server, propertyId, staff } = property;
    // The admin herself at the stolen desk (a desk signing as anyone else is refused first: hostile-operations).
    await signIn(joined, 'admin', ADMIN.password);
    const other = await foundProperty(server);
    const own = (await serverTable(server, propertyId, 'property')).get(propertyId)!;
    const otherBefore = await serverRows(server, other.propertyId);
    const before = await property.state();

    const [result] = await attacker.push({
      id: uuidv7(),
      name: 'property.update',
      at: new Date().toISOString(),
      actorId: staff.admin!,
      approvalId: null,
      input: { name: '被接管', timeZone: 'Asia/Shanghai', currency: 'CNY', idleLockMinutes: 10 },
      effects: [effectOf('property', { ...own, id: other.propertyId, name: '被接管' })],
    });

    expect(result).toMatchObject(refusal('WRITE_NOT_ALLOWED', 'property: another property'));
    expect(await property.state()).toEqual(before);
    expect(await serverRows(server, other.propertyId)).toEqual(otherBefore);
  });

  it('a new guest filed under an existing guest’s key is refused (MALFORMED)', async () => {
    const property = await suite.property();
    const { attacker, joined, hotel } = property;
    await joined.call('guests.create', { name: '赵敏', phone: '13900000000' });
    const created = await attacker.lastOutbox('guests.create');
    const before = await property.state();

    const [result] = await attacker.push(
      variant(created, {
        effects: created.effects.map((effect) => (effect.table === 'guest' ? { ...effect, key: hotel.guest } : effect)),
      }),
    );

    expect(result).toMatchObject(refusal('MALFORMED', `guest:${hotel.guest}`));
    expect(await property.state()).toEqual(before);
    expect(await property.founder.call('guests.get', { id: hotel.guest })).toMatchObject({
      name: '王芳',
      phone: '13812345678',
    });
  });

  it('a mutation pushed again under a new sequence gets its first answer from its own desk and is refused from another (REPLAYED); either way nothing is written again and an old phone number does not come back', async () => {
    const property = await suite.property();
    const { attacker, joined, hotel } = property;
    const edit = (phone: string) =>
      joined.call('guests.update', {
        id: hotel.guest,
        name: '王芳',
        phone,
        idType: 'id_card',
        segment: 'leisure',
        preferences: '',
        specialNeeds: '',
      });
    await edit('13900000001');
    const first = await attacker.lastOutbox('guests.update');
    await syncDesk(joined);
    await edit('13900000002');
    await syncDesk(joined);
    const before = await property.state();

    const [again] = await attacker.push(first);
    const [elsewhere] = await property.founderToken().push(first);

    expect(again).toEqual({ seq: expect.any(Number), status: 'applied' });
    expect(elsewhere).toMatchObject(refusal('REPLAYED', first.id));
    expect(await property.state()).toEqual(before);
    expect(await property.founder.call('guests.get', { id: hotel.guest })).toMatchObject({ phone: '13900000002' });
  });
});
