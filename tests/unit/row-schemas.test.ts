/**
 * What the server refuses in a pushed row: unknown or missing columns, wrong types, oversized
 * text, bad dates and instants, values outside a column's list, money or points of the wrong
 * sign, and JSON columns that do not parse or have the wrong shape. Each case starts from a row
 * a desk really writes and changes one thing.
 */
import { describe, expect, it } from 'vitest';
import { rowSchema, validateRow } from '@shared/sync/row-schemas';
import type { SyncRow } from '@shared/sync/tables';

const AT = '2026-11-26T02:00:00.000Z';
const ID = '0192f000-0000-7000-8000-000000000001';
const OTHER = '0192f000-0000-7000-8000-000000000002';
const HASH = 'a'.repeat(64);
const MEGABYTE = 'x'.repeat(1 << 20);

/** A phone or ID number as a desk seals it (nonce ‖ ciphertext ‖ tag, base64), and its keyed hash (base64url). */
const SEALED = Buffer.alloc(12 + 18 + 16, 7).toString('base64');
const KEYED_HASH = 'x'.repeat(43);

/** Rows as a desk writes them (each passes; the cases below change one column). */
const ROWS = {
  guest: {
    id: ID,
    customer_no: 'C5ZMM000042',
    name: '王芳',
    phone_sealed: SEALED,
    phone_hmac: KEYED_HASH,
    phone_last4: '5678',
    phone_masked: '138****5678',
    segment: 'leisure',
    id_type: 'id_card',
    id_number_sealed: SEALED,
    id_number_hmac: KEYED_HASH,
    preferences: '高楼层',
    special_needs: null,
    email: null,
    temporary: 0,
    created_at: AT,
    updated_at: AT,
    server_version: null,
    deleted_at: null,
    erased_at: null,
  },
  staff: {
    id: ID,
    username: 'lina',
    display_name: '李娜',
    role: 'agent',
    password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
    sign_salt: 'BwcHBwcHBwcHBwcHBwcHBw==',
    sign_key: 'Ym9ndXMta2V5LWJvZ3VzLWtleS1ib2d1cy1rZXktMTI=',
    active: 1,
    created_at: AT,
    updated_at: AT,
    server_version: 3,
    deleted_at: null,
  },
  role_permission: { role: 'agent', permission: 'bookings.manage' },
  setting: { key: 'members.policy', value_json: '{"pointValueFen":1}' },
  booking: {
    id: ID,
    number: 'B261126-5ZMM-007',
    guest_id: OTHER,
    channel: 'phone',
    status: 'confirmed',
    arrival: '2026-11-27',
    departure: '2026-11-29',
    room_type_id: OTHER,
    room_id: null,
    adults: 2,
    children: 0,
    rate_plan_id: OTHER,
    nights_json: '[{"night":"2026-11-27","priceFen":58800},{"night":"2026-11-28","priceFen":58800}]',
    total_fen: 117_600,
    guarantee: 'none',
    special_requests: '',
    created_by: OTHER,
    desk_id: OTHER,
    checked_in_at: null,
    checked_out_at: null,
    created_at: AT,
    updated_at: AT,
    server_version: null,
    deleted_at: null,
    cancellation_policy_json: '{"graceHours":2,"tiers":[],"noShow":{"kind":"first_night"},"nonRefundable":false}',
  },
  rate_plan: {
    id: ID,
    code: 'BAR',
    name: '门市价',
    name_en: 'Rack rate',
    member_only: 0,
    channels_json: '["walk_in","phone"]',
    created_at: AT,
    updated_at: AT,
    server_version: null,
    deleted_at: null,
    cancellation_policy_json: null,
  },
  rate_plan_price: {
    id: ID,
    rate_plan_id: OTHER,
    room_type_id: OTHER,
    start_date: '2026-11-01',
    end_date: '2026-12-31',
    weekdays: 48,
    price_fen: 58_800,
    created_at: AT,
  },
  payment: {
    id: ID,
    booking_id: OTHER,
    kind: 'refund',
    method: 'card',
    amount_fen: -20_000,
    reference: 'X261126-5ZMM-001',
    staff_id: 'system',
    staff_name: 'system',
    created_at: AT,
    server_version: null,
  },
  cancellation: {
    id: ID,
    number: 'X261126-5ZMM-001',
    booking_id: OTHER,
    ticket_order_id: null,
    arrival: '2026-11-27',
    reason: 'no_show',
    note: '',
    penalty_fen: 58_800,
    refund_fen: 0,
    waived_fen: 0,
    rule: 'no_show',
    refund_method: null,
    staff_id: OTHER,
    staff_name: '陈主管',
    created_at: AT,
    updated_at: AT,
    server_version: null,
  },
  points_entry: {
    id: ID,
    member_id: OTHER,
    kind: 'redeem',
    points: -3_000,
    booking_id: OTHER,
    reverses_id: null,
    earned_on: '2026-11-26',
    expires_on: null,
    note: 'B261126-5ZMM-007',
    status: 'pending',
    desk_id: OTHER,
    staff_id: OTHER,
    staff_name: '李娜',
    created_at: AT,
    server_version: null,
  },
  ticket_slot: { id: ID, product_id: OTHER, start_time: '09:00', end_time: '10:00', capacity: 40 },
  audit_log: {
    seq: 12,
    id: ID,
    at: AT,
    device_id: OTHER,
    actor_id: 'seed',
    actor_name: 'seed:demo',
    operation: 'seed.demo',
    entity_type: null,
    entity_id: null,
    outcome: 'ok',
    detail_json: '{"after":{"rooms":120}}',
    prev_hash: HASH,
    hash: HASH,
  },
  sync_conflict: {
    id: ID,
    kind: 'room_inventory',
    subject_type: 'booking',
    subject_id: OTHER,
    detail_json: '{"night":"2026-12-01","roomTypeId":"x","rooms":2,"sold":3}',
    device_id: OTHER,
    status: 'open',
    resolution: null,
    resolution_note: null,
    resolved_by: null,
    resolved_by_name: null,
    resolved_at: null,
    created_at: AT,
    updated_at: AT,
    server_version: 7,
  },
} satisfies Record<string, SyncRow>;

type Table = keyof typeof ROWS;

function changed(table: Table, change: SyncRow): SyncRow {
  return { ...ROWS[table], ...change };
}

function without(table: Table, column: string): SyncRow {
  const row: SyncRow = { ...ROWS[table] };
  delete row[column];
  return row;
}

describe('rows as desks write them', () => {
  it.each(Object.keys(ROWS) as Table[])('a %s row passes', (table) => {
    expect(validateRow(table, ROWS[table])).toEqual({ ok: true });
  });

  it.each<[string, Table, SyncRow]>([
    ['a deposit is positive', 'payment', { kind: 'deposit', amount_fen: 20_000 }],
    ['a points payment', 'payment', { kind: 'payment', method: 'points', amount_fen: 3_000 }],
    ['an adjustment may take points away', 'points_entry', { kind: 'adjust', points: -500, booking_id: null }],
    ['a reversal gives points back', 'points_entry', { kind: 'reverse', points: 3_000, reverses_id: OTHER }],
    [
      'a ticket cancellation names the order only',
      'cancellation',
      { booking_id: null, ticket_order_id: OTHER, reason: 'weather', rule: 'grace', refund_method: 'cash' },
    ],
    [
      'a guest with no profile details',
      'guest',
      {
        phone_sealed: null,
        phone_hmac: null,
        phone_last4: null,
        phone_masked: null,
        id_type: null,
        id_number_sealed: null,
        id_number_hmac: null,
        preferences: null,
      },
    ],
    [
      'an erased guest',
      'guest',
      {
        name: '已删除客人',
        phone_sealed: null,
        phone_hmac: null,
        phone_last4: null,
        phone_masked: null,
        id_type: null,
        id_number_sealed: null,
        id_number_hmac: null,
        preferences: null,
        deleted_at: AT,
        erased_at: AT,
      },
    ],
    [
      'a denied call with no actor',
      'audit_log',
      { actor_id: null, actor_name: null, outcome: 'denied', operation: 'staff.create' },
    ],
    ['a booking of one night', 'booking', { departure: '2026-11-28' }],
    ['a one-day price', 'rate_plan_price', { end_date: '2026-11-01' }],
    [
      'a resolved conflict',
      'sync_conflict',
      {
        status: 'resolved',
        resolution: 'accept',
        resolution_note: '客人同意',
        resolved_by: OTHER,
        resolved_by_name: '陈主管',
        resolved_at: AT,
      },
    ],
  ])('%s passes', (_, table, change) => {
    expect(validateRow(table, changed(table, change))).toEqual({ ok: true });
  });
});

describe('rows the server refuses', () => {
  it.each<[string, Table, SyncRow, string | null]>([
    // Unknown and missing columns.
    ['an unknown column', 'guest', { ...ROWS.guest, vip: 1 }, 'vip'],
    ['a desk-only column', 'staff', { ...ROWS.staff, failed_attempts: 0 }, 'failed_attempts'],
    ['a signing key that is not a 32-byte public key', 'staff', changed('staff', { sign_key: 'c2hvcnQ=' }), 'sign_key'],
    [
      'a prototype key',
      'guest',
      JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(ROWS.guest).slice(1)}`) as SyncRow,
      '__proto__',
    ],
    ['a missing column', 'guest', without('guest', 'segment'), 'segment'],
    // Guests' phones and ID numbers travel sealed only.
    ['a phone in clear', 'guest', { ...ROWS.guest, phone: '13812345678' }, 'phone'],
    ['an ID number in clear', 'guest', { ...ROWS.guest, id_number: '330102199001011234' }, 'id_number'],
    [
      'an ID number in clear where the sealed one goes',
      'guest',
      changed('guest', { id_number_sealed: '330102199001011234' }),
      'id_number_sealed',
    ],
    [
      'a sealed value that is not base64',
      'guest',
      changed('guest', { phone_sealed: `${SEALED.slice(0, -4)}!!!!` }),
      'phone_sealed',
    ],
    [
      'a sealed value over its bound',
      'guest',
      changed('guest', { id_number_sealed: 'A'.repeat(132) }),
      'id_number_sealed',
    ],
    [
      'a keyed hash of the wrong length',
      'guest',
      changed('guest', { id_number_hmac: 'x'.repeat(44) }),
      'id_number_hmac',
    ],
    ['a whole phone as its last four digits', 'guest', changed('guest', { phone_last4: '13812345678' }), 'phone_last4'],
    [
      'a whole phone where the masked one goes',
      'guest',
      changed('guest', { phone_masked: '+86 138-1234-5678' }),
      'phone_masked',
    ],
    ['a missing nullable column', 'booking', without('booking', 'room_id'), 'room_id'],
    // Wrong types.
    ['money as text', 'booking', changed('booking', { total_fen: '117600' }), 'total_fen'],
    ['money in yuan', 'booking', changed('booking', { total_fen: 1176.5 }), 'total_fen'],
    ['a count as a fraction', 'booking', changed('booking', { adults: 1.5 }), 'adults'],
    ['a boolean as true', 'staff', changed('staff', { active: true }), 'active'],
    ['a boolean as 2', 'guest', changed('guest', { temporary: 2 }), 'temporary'],
    ['a required column null', 'booking', changed('booking', { guest_id: null }), 'guest_id'],
    ['a name as a number', 'guest', changed('guest', { name: 42 }), 'name'],
    ['a server version as text', 'staff', changed('staff', { server_version: '3' }), 'server_version'],
    // Sizes.
    ['a 1 MB guest name', 'guest', changed('guest', { name: MEGABYTE }), 'name'],
    ['an empty guest name', 'guest', changed('guest', { name: '' }), 'name'],
    ['a 1 MB note', 'cancellation', changed('cancellation', { note: MEGABYTE }), 'note'],
    ['a 1 MB special request', 'booking', changed('booking', { special_requests: MEGABYTE }), 'special_requests'],
    ['a 1 MB staff name', 'payment', changed('payment', { staff_name: MEGABYTE }), 'staff_name'],
    ['an id of 65 characters', 'guest', changed('guest', { id: 'a'.repeat(65) }), 'id'],
    ['an id with spaces', 'booking', changed('booking', { guest_id: 'x; DROP TABLE guest' }), 'guest_id'],
    [
      'an audit detail over 2 MB',
      'audit_log',
      changed('audit_log', { detail_json: JSON.stringify({ input: 'x'.repeat(2_000_000) }) }),
      'detail_json',
    ],
    // Dates and instants.
    ['a date that does not exist', 'booking', changed('booking', { arrival: '2026-02-30' }), 'arrival'],
    ['a date in another format', 'booking', changed('booking', { arrival: '26-11-27' }), 'arrival'],
    ['an instant for a date', 'points_entry', changed('points_entry', { earned_on: AT }), 'earned_on'],
    ['an instant without a zone', 'guest', changed('guest', { created_at: '2026-11-26 10:00:00' }), 'created_at'],
    ['a time of day out of range', 'ticket_slot', changed('ticket_slot', { end_time: '24:00' }), 'end_time'],
    ['a departure before the arrival', 'booking', changed('booking', { departure: '2026-11-27' }), 'departure'],
    [
      'a price range ending before it starts',
      'rate_plan_price',
      changed('rate_plan_price', { end_date: '2026-10-31' }),
      'end_date',
    ],
    // Values outside a column's list.
    ['a booking status that does not exist', 'booking', changed('booking', { status: 'paid' }), 'status'],
    ['a role that does not exist', 'staff', changed('staff', { role: 'root' }), 'role'],
    [
      'a permission that does not exist',
      'role_permission',
      changed('role_permission', { permission: 'everything' }),
      'permission',
    ],
    ['a payment method that does not exist', 'payment', changed('payment', { method: 'bitcoin' }), 'method'],
    ['a channel that does not exist', 'booking', changed('booking', { channel: 'pigeon' }), 'channel'],
    ['a segment that does not exist', 'guest', changed('guest', { segment: 'royalty' }), 'segment'],
    ['an audit outcome that does not exist', 'audit_log', changed('audit_log', { outcome: 'maybe' }), 'outcome'],
    [
      'a conflict resolution that does not exist',
      'sync_conflict',
      changed('sync_conflict', { resolution: 'ignore' }),
      'resolution',
    ],
    [
      'a password that is not an argon2 hash',
      'staff',
      changed('staff', { password_hash: 'admin-pass-1' }),
      'password_hash',
    ],
    ['a username not as the contract stores it', 'staff', changed('staff', { username: 'Admin' }), 'username'],
    ['a ticket number on a booking', 'booking', changed('booking', { number: 'T261126-5ZMM-007' }), 'number'],
    ['a hash that is not hex', 'audit_log', changed('audit_log', { hash: 'z'.repeat(64) }), 'hash'],
    // Money and points of the wrong sign.
    ['a negative total', 'booking', changed('booking', { total_fen: -1 }), 'total_fen'],
    ['a negative penalty', 'cancellation', changed('cancellation', { penalty_fen: -100 }), 'penalty_fen'],
    [
      'a negative refund on a cancellation',
      'cancellation',
      changed('cancellation', { refund_fen: -100 }),
      'refund_fen',
    ],
    ['a negative price', 'rate_plan_price', changed('rate_plan_price', { price_fen: -1 }), 'price_fen'],
    ['a positive refund', 'payment', changed('payment', { amount_fen: 20_000 }), 'amount_fen'],
    ['a negative payment', 'payment', changed('payment', { kind: 'payment', amount_fen: -20_000 }), 'amount_fen'],
    ['a payment of nothing', 'payment', changed('payment', { kind: 'deposit', amount_fen: 0 }), 'amount_fen'],
    ['an amount beyond any bound', 'payment', changed('payment', { amount_fen: -1e15 }), 'amount_fen'],
    ['points earned taken away', 'points_entry', changed('points_entry', { kind: 'earn', points: -5 }), 'points'],
    ['a redemption that adds points', 'points_entry', changed('points_entry', { points: 3_000 }), 'points'],
    ['an adjustment of nothing', 'points_entry', changed('points_entry', { kind: 'adjust', points: 0 }), 'points'],
    [
      'a cancellation of neither a booking nor an order',
      'cancellation',
      changed('cancellation', { booking_id: null }),
      'booking_id',
    ],
    // JSON columns.
    ['nights that are not JSON', 'booking', changed('booking', { nights_json: '{not json' }), 'nights_json'],
    ['an audit detail that is not JSON', 'audit_log', changed('audit_log', { detail_json: '[' }), 'detail_json'],
    ['an empty setting', 'setting', changed('setting', { value_json: '' }), 'value_json'],
    [
      'channels that do not exist',
      'rate_plan',
      changed('rate_plan', { channels_json: '["teleport"]' }),
      'channels_json',
    ],
    [
      'a cancellation policy of the wrong shape',
      'booking',
      changed('booking', { cancellation_policy_json: '{"graceHours":"always"}' }),
      'cancellation_policy_json',
    ],
    [
      'nights with a price as text',
      'booking',
      changed('booking', { nights_json: '[{"night":"2026-11-27","priceFen":"1"}]' }),
      'nights_json',
    ],
    [
      'a conflict detail of the wrong shape',
      'sync_conflict',
      changed('sync_conflict', { detail_json: '[1,2]' }),
      'detail_json',
    ],
  ])('%s', (_, table, row, column) => {
    const check = validateRow(table, row);
    expect(check).toMatchObject({ ok: false, column });
    if (!check.ok) expect(check.problem.length).toBeLessThan(300);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [ROWS.guest]],
    ['a string', JSON.stringify(ROWS.guest)],
  ])('a row that is %s, as a whole', (_, row) => {
    expect(validateRow('guest', row)).toMatchObject({ ok: false, column: null });
  });

  it.each(['device', 'outbox', 'sync_state', 'number_sequence', '__proto__', 'constructor', 'toString', ''])(
    'a row of %j, which does not sync',
    (table) => {
      expect(validateRow(table, {})).toEqual({ ok: false, column: null, problem: 'not a synced table' });
      expect(() => rowSchema(table)).toThrow(/does not sync/);
    },
  );

  it('never echoes the value it refuses, and cuts an unknown column name short', () => {
    const name = validateRow('guest', changed('guest', { name: MEGABYTE }));
    expect(name.ok || name.problem.includes('xxxx')).toBe(false);
    const column = validateRow('guest', { ...ROWS.guest, [MEGABYTE]: 1 });
    expect(column).toMatchObject({ ok: false, problem: 'unknown column' });
    expect(!column.ok && column.column!.length).toBe(64);
  });
});
