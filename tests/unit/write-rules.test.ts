/** The write rules: every operation that may travel has one, and a row outside it is named, whoever checks it. */
import { operations } from '@shared/contract';
import { SNAPSHOT_OPERATION } from '@shared/sync/protocol';
import { SYNCED_TABLES } from '@shared/sync/tables';
import {
  checkWrites,
  DESK_OPERATIONS,
  WRITE_RULES,
  writeRuleOf,
  type RowWrite,
  type Writer,
} from '@shared/sync/write-rules';
import { describe, expect, it } from 'vitest';

const AGENT = { id: 'staff-agent', username: 'lina', displayName: 'Lina', role: 'agent' };
const writer = (input: unknown = {}): Writer => ({ actor: AGENT, deviceId: 'desk-1', input });
const insert = (table: string, after: Record<string, unknown>): RowWrite => ({
  table,
  key: String(after.id ?? 'k'),
  before: null,
  after,
  columns: null,
});
const update = (
  table: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  columns: string[] | null = null,
): RowWrite => ({
  table,
  key: String(before.id ?? 'k'),
  before,
  after,
  columns,
});

describe('write rules', () => {
  it('declare every operation a desk may send, and nothing a desk may not', () => {
    const travelling = Object.values(operations).filter(
      (op) => op.kind === 'mutation' && op.sync !== false && op.access !== 'public',
    );
    expect(travelling.map((op) => op.name).filter((name) => !writeRuleOf(name))).toEqual([]);
    const known = new Set([...travelling.map((op) => op.name), ...DESK_OPERATIONS]);
    expect(Object.keys(WRITE_RULES).filter((name) => !known.has(name))).toEqual([]);
    // First-run setup and sign-in never travel.
    expect(writeRuleOf('setup.initialize')).toBeUndefined();
    expect(writeRuleOf('auth.signIn')).toBeUndefined();
  });

  it('name only synced tables and, for the snapshot, only inserts', () => {
    for (const rule of Object.values(WRITE_RULES))
      for (const table of Object.keys(rule)) expect(Object.hasOwn(SYNCED_TABLES, table)).toBe(true);
    expect(
      Object.values(WRITE_RULES[SNAPSHOT_OPERATION]!).every((table) => table.insert && !table.update && !table.delete),
    ).toBe(true);
  });

  it.each([
    [
      'an operation without a rule writes nothing',
      'job.anything',
      [insert('role_permission', { role: 'agent', permission: 'permissions.manage' })],
      'insert not allowed',
    ],
    [
      'a booking sale may not touch staff',
      'bookings.create',
      [update('staff', { id: 's', role: 'agent' }, { id: 's', role: 'admin' })],
      'update not allowed',
    ],
    [
      'a password change is the actor’s own',
      'auth.changePassword',
      [update('staff', { id: 'other', password_hash: 'a' }, { id: 'other', password_hash: 'b' })],
      'id is not the actor',
    ],
    [
      'a room save never changes the room’s status',
      'rooms.save',
      [update('room', { id: 'r', status: 'vacant_clean' }, { id: 'r', status: 'occupied' })],
      'column status not allowed',
    ],
    [
      'a sale is made at this desk',
      'bookings.create',
      [
        insert('booking', {
          id: 'b',
          status: 'confirmed',
          desk_id: 'desk-2',
          created_by: 'lina',
          room_id: null,
          checked_in_at: null,
          checked_out_at: null,
          deleted_at: null,
        }),
      ],
      'desk_id is not this desk',
    ],
    [
      'a night belongs to a booking of the same change',
      'bookings.create',
      [insert('booking_night', { booking_id: 'elsewhere', night: '2026-12-01', room_type_id: 't' })],
      'booking_id is not a booking of this change',
    ],
    [
      'an audit entry of another desk',
      'guests.export',
      [insert('audit_log', { id: 'a', device_id: 'desk-2', actor_id: AGENT.id })],
      'audit entry of another desk',
    ],
    [
      'an audit entry is never changed',
      'guests.export',
      [update('audit_log', { id: 'a', detail_json: '{}' }, { id: 'a', detail_json: '{"x":1}' })],
      'update not allowed',
    ],
    [
      'a grant only to the role and permission the input names',
      'permissions.set',
      [insert('role_permission', { role: 'agent', permission: 'staff.manage' })],
      'role is not the one the input names',
    ],
  ])('%s', (_title, name, writes, problem) => {
    expect(
      checkWrites(writeRuleOf(name), writes, writer({ role: 'supervisor', permission: 'staff.manage', granted: true })),
    ).toMatchObject({ problem });
  });

  it('lets through what the operation does', () => {
    const sale = {
      id: 'b',
      status: 'confirmed',
      desk_id: 'desk-1',
      created_by: 'lina',
      room_id: null,
      checked_in_at: null,
      checked_out_at: null,
      deleted_at: null,
      arrival: '2026-12-01',
      departure: '2026-12-03',
      room_type_id: 't',
    };
    const writes = [
      insert('booking', sale),
      insert('booking_night', { booking_id: 'b', night: '2026-12-01', room_type_id: 't' }),
      insert('booking_night', { booking_id: 'b', night: '2026-12-02', room_type_id: 't' }),
      insert('booking_change', { id: 'c', booking_id: 'b', staff_id: AGENT.id }),
      insert('audit_log', { id: 'a', device_id: 'desk-1', actor_id: AGENT.id }),
    ];
    expect(checkWrites(writeRuleOf('bookings.create'), writes, writer())).toBeNull();
    // Only what changed is judged: a check-in updates status, room and time (updated_at comes with every update).
    const checkIn = update(
      'booking',
      { ...sale, status: 'confirmed' },
      { ...sale, status: 'checked_in', room_id: 'r', checked_in_at: 'now', updated_at: 'now' },
      ['status', 'room_id', 'checked_in_at', 'updated_at'],
    );
    expect(
      checkWrites(writeRuleOf('frontDesk.checkIn'), [checkIn], writer({ bookingId: 'b', roomId: 'r' })),
    ).toBeNull();
    expect(
      checkWrites(writeRuleOf('frontDesk.checkIn'), [checkIn], writer({ bookingId: 'another', roomId: 'r' })),
    ).toMatchObject({ problem: 'id is not the one the input names' });
  });
});

describe('the night audit’s rule', () => {
  const SUPERVISOR = { id: 'staff-chen', username: 'chen', displayName: 'Chen', role: 'supervisor' };
  const roll = (input: unknown): Writer => ({ actor: SUPERVISOR, deviceId: 'desk-1', input });
  const businessDate = (before: string | null, after: string): RowWrite => ({
    table: 'setting',
    key: 'businessDate',
    before: before === null ? null : { key: 'businessDate', value_json: JSON.stringify(before) },
    after: { key: 'businessDate', value_json: JSON.stringify(after) },
    columns: before === null ? null : ['value_json'],
  });
  const rule = writeRuleOf('nightAudit.roll');

  it('moves the business date exactly one day, from the date the input closes', () => {
    expect(
      checkWrites(
        rule,
        [businessDate('2026-12-01', '2026-12-02')],
        roll({ closingDate: '2026-12-01', earlyClose: false }),
      ),
    ).toBeNull();
    // A property whose server has no business date yet: the first audit sets it, one day after the date it closes.
    expect(checkWrites(rule, [businessDate(null, '2026-12-02')], roll({ closingDate: '2026-12-01' }))).toBeNull();
  });

  it.each([
    [
      'two days at once',
      '2026-12-01',
      '2026-12-03',
      { closingDate: '2026-12-01' },
      'value_json is not the day after 2026-12-01',
    ],
    [
      'backwards',
      '2026-12-02',
      '2026-12-01',
      { closingDate: '2026-12-02' },
      'value_json is not the day after 2026-12-02',
    ],
    [
      'a date that was not open',
      '2026-11-29',
      '2026-12-02',
      { closingDate: '2026-12-01' },
      'business date was 2026-11-29, not 2026-12-01',
    ],
    ['without the date it closes', '2026-12-01', '2026-12-02', {}, 'the input names no closing date'],
  ])('refuses a roll %s as a trespass', (_title, before, after, input, problem) => {
    const violation = checkWrites(rule, [businessDate(before, after)], roll(input));
    expect(violation).toMatchObject({ table: 'setting', key: 'businessDate', problem });
    expect(violation?.reason).toBeUndefined();
  });

  it('says a desk lost the race when the date it closes was already closed — checked before its other rows', () => {
    const noShow = update('booking', { id: 'b', status: 'checked_in' }, { id: 'b', status: 'no_show', total_fen: 0 }, [
      'status',
      'total_fen',
    ]);
    expect(
      checkWrites(rule, [noShow, businessDate('2026-12-02', '2026-12-02')], roll({ closingDate: '2026-12-01' })),
    ).toEqual({
      table: 'setting',
      key: 'businessDate',
      problem: '2026-12-01 already closed, business date 2026-12-02',
      reason: 'BUSINESS_DATE_CLOSED',
    });
    // Without the business date in it, the same booking row is a plain trespass.
    expect(checkWrites(rule, [noShow], roll({ closingDate: '2026-12-01' }))).toMatchObject({
      table: 'booking',
      problem: 'status was checked_in',
    });
    expect(checkWrites(rule, [noShow], roll({ closingDate: '2026-12-01' }))?.reason).toBeUndefined();
  });
});

describe('guests’ rules', () => {
  const HASH = 'h'.repeat(43);
  const OTHER_HASH = 'o'.repeat(43);
  const guest = {
    id: 'g',
    name: '王芳',
    phone_sealed: 'sealed-1',
    phone_hmac: HASH,
    phone_last4: '5678',
    phone_masked: '138****5678',
    id_type: 'id_card',
    id_number_sealed: 'sealed-2',
    id_number_hmac: HASH,
    email: 'w@example.com',
    preferences: '高楼层',
    special_needs: null,
    deleted_at: null,
    erased_at: null,
  };
  const erased = {
    ...guest,
    name: '已删除客人',
    phone_sealed: null,
    phone_hmac: null,
    phone_last4: null,
    phone_masked: null,
    id_type: null,
    id_number_sealed: null,
    id_number_hmac: null,
    email: null,
    preferences: null,
    deleted_at: 'now',
    erased_at: 'now',
  };
  const erase = (after: Record<string, unknown>) =>
    checkWrites(writeRuleOf('guests.delete'), [update('guest', guest, after)], writer({ id: 'g' }));
  const seal = (before: Record<string, unknown>, after: Record<string, unknown>) =>
    checkWrites(writeRuleOf('job.changes'), [update('guest', before, after)], {
      actor: null,
      deviceId: 'desk-1',
      input: {},
    });

  it('erase every personal column, under the placeholder name, of the guest the input names', () => {
    expect(erase(erased)).toBeNull();
    expect(erase({ ...erased, email: 'w@example.com' })).toMatchObject({ problem: 'email must be erased' });
    expect(erase({ ...erased, name: '王芳' })).toMatchObject({ problem: 'name must be the erased placeholder' });
    expect(erase({ ...erased, erased_at: null })).toMatchObject({ problem: 'erased_at and deleted_at must be set' });
    expect(
      checkWrites(writeRuleOf('guests.delete'), [update('guest', guest, erased)], writer({ id: 'another' })),
    ).toMatchObject({ problem: 'id is not the one the input names' });
  });

  it('never edit an erased guest back', () => {
    const edit = update('guest', erased, { ...erased, name: '王芳', deleted_at: null, erased_at: null });
    expect(checkWrites(writeRuleOf('guests.update'), [edit], writer({ id: 'g' }))).toMatchObject({
      problem: 'column deleted_at, erased_at not allowed',
    });
  });

  it('let a desk’s job fill an empty sealed field, or seal the same value again, and nothing else', () => {
    const empty = {
      ...guest,
      phone_sealed: null,
      phone_hmac: null,
      phone_last4: null,
      phone_masked: null,
      id_number_sealed: null,
      id_number_hmac: null,
    };
    expect(seal(empty, guest)).toBeNull();
    expect(seal(guest, { ...guest, phone_sealed: 'sealed-again' })).toBeNull();
    expect(seal(guest, { ...guest, phone_sealed: 'sealed-3', phone_hmac: OTHER_HASH })).toMatchObject({
      problem: 'phone_sealed already holds another value',
    });
    expect(seal(empty, { ...guest, name: '李雷' })).toMatchObject({ problem: 'column name not allowed' });
    expect(seal({ ...empty, erased_at: 'now' }, { ...guest, erased_at: 'now' })).toMatchObject({
      problem: 'erased_at must be null',
    });
  });
});
