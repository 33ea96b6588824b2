/**
 * Rows as desks write them — complete, valid against their table's schema and within their
 * operation's write rule — and a founded property with staff, the permission matrix and some
 * inventory. Server tests craft their pushes from these.
 */
import { DEFAULT_GRANTS, type Role } from '@shared/permissions';
import { formatNumber } from '@shared/rules/numbers';
import { SNAPSHOT_OPERATION, type Effect } from '@shared/sync/protocol';
import { rowKey, type SyncRow } from '@shared/sync/tables';
import { v7 as uuidv7 } from 'uuid';
import { TestDesk } from './desk';
import { signingColumns } from './staff-keys';
import type { TestServer } from './harness';

export function effect(table: string, row: SyncRow): Effect {
  return { table, key: rowKey(table, row), row };
}

const at = '2026-12-01T08:00:00.000Z';

export const ADMIN = 'staff-admin';
export const AGENT = 'staff-agent';
export const SUPERVISOR = 'staff-supervisor';

/** The nightly rate of every fixture room type, in fen. */
export const BASE_RATE_FEN = 38_800;

/** A well-formed argon2id hash (of nothing anyone knows). */
const SOME_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** A staff row; the username is the id, as the fixtures' actors are named by id. */
export function staff(id: string, role: Role, username = id, active = 1): Effect {
  return effect('staff', {
    id,
    username,
    display_name: id,
    role,
    password_hash: SOME_HASH,
    ...signingColumns(id),
    active,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
  });
}

export function permissionMatrix(): Effect[] {
  return Object.entries(DEFAULT_GRANTS).flatMap(([role, permissions]) =>
    permissions.map((permission) => effect('role_permission', { role, permission })),
  );
}

export function roomType(id: string, code = id.toUpperCase().slice(0, 12)): Effect {
  return effect('room_type', {
    id,
    code,
    name: code,
    name_en: null,
    capacity: 2,
    base_rate_fen: BASE_RATE_FEN,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
  });
}

export function room(id: string, roomTypeId: string, number = id, status = 'vacant_clean', floor = 1): Effect {
  return effect('room', {
    id,
    number,
    floor,
    room_type_id: roomTypeId,
    status,
    attendant_id: null,
    hold_seq: 0,
    features_json: '[]',
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
  });
}

export function closedDate(date: string): Effect {
  return effect('closed_date', { date, reason: 'maintenance', created_at: at });
}

let numbers = 0;
/** A booking, ticket or cancellation number of a desk, unique within a test run. */
export function humanNumber(prefix: 'B' | 'T' | 'X', desk: TestDesk): string {
  return formatNumber(
    prefix,
    '2026-12-01',
    desk.deviceId
      .replace(/[^A-Z0-9]/gi, '')
      .slice(-4)
      .toUpperCase()
      .padStart(4, '0'),
    ++numbers,
  );
}

const addDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The booking row a desk writes for a stay at the room type's base rate (no rate plan), made by `actor`. */
export function bookingRow(desk: TestDesk, id: string, roomTypeId: string, nights: string[], actor = AGENT): SyncRow {
  const priced = nights.map((night) => ({ night, priceFen: BASE_RATE_FEN }));
  return {
    id,
    number: humanNumber('B', desk),
    guest_id: 'guest-1',
    channel: 'phone',
    status: 'confirmed',
    arrival: nights[0],
    departure: addDay(nights.at(-1)!),
    room_type_id: roomTypeId,
    room_id: null,
    adults: 2,
    children: 0,
    rate_plan_id: null,
    nights_json: JSON.stringify(priced),
    total_fen: priced.length * BASE_RATE_FEN,
    guarantee: 'none',
    special_requests: '',
    created_by: actor,
    desk_id: desk.deviceId,
    checked_in_at: null,
    checked_out_at: null,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
    cancellation_policy_json: null,
  };
}

/** A new booking as bookings.create writes it: the booking and one booking_night row per night. */
export function booking(desk: TestDesk, id: string, roomTypeId: string, nights: string[], actor = AGENT): Effect[] {
  return [
    effect('booking', bookingRow(desk, id, roomTypeId, nights, actor)),
    ...nights.map((night) => effect('booking_night', { booking_id: id, night, room_type_id: roomTypeId })),
  ];
}

export function ticketSlot(id: string, capacity: number): Effect {
  return effect('ticket_slot', { id, product_id: 'product-1', start_time: '09:00', end_time: '10:00', capacity });
}

export function ticketProduct(id = 'product-1'): Effect {
  return effect('ticket_product', {
    id,
    code: 'PARK',
    name: 'Park',
    price_fen: 6_000,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
    cancellation_policy_json: null,
  });
}

/** A sold order and its visitors, as tickets.sell writes them (its input names product, slot and date). */
export function ticketOrder(
  desk: TestDesk,
  id: string,
  slotId: string,
  visitDate: string,
  visitors: number,
  actor = AGENT,
): Effect[] {
  return [
    effect('ticket_order', {
      id,
      number: humanNumber('T', desk),
      product_id: 'product-1',
      slot_id: slotId,
      visit_date: visitDate,
      status: 'sold',
      total_fen: visitors * 6_000,
      created_by: actor,
      desk_id: desk.deviceId,
      created_at: at,
      updated_at: at,
      server_version: null,
      cancellation_policy_json: null,
    }),
    ...Array.from({ length: visitors }, (_, i) =>
      effect('ticket_visitor', {
        id: `${id}-v${i}`,
        order_id: id,
        name: `Visitor ${i}`,
        id_type: 'id_card',
        id_number_sealed: null,
        id_number_hmac: null,
        id_number_masked: `110***********002${i % 10}`,
        redeemed_at: null,
        redeemed_by: null,
      }),
    ),
  ];
}

export function ticketSale(
  slotId: string,
  visitDate: string,
): { productId: string; slotId: string; visitDate: string } {
  return { productId: 'product-1', slotId, visitDate };
}

export function guest(id = 'guest-1'): Effect {
  return effect('guest', {
    id,
    customer_no: `C-${id.toUpperCase()}`,
    name: '王芳',
    phone_sealed: null,
    phone_hmac: null,
    phone_last4: null,
    phone_masked: null,
    segment: 'leisure',
    id_type: null,
    id_number_sealed: null,
    id_number_hmac: null,
    preferences: null,
    special_needs: null,
    email: null,
    temporary: 0,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
    erased_at: null,
  });
}

export function member(id: string, guestId = 'guest-1'): Effect {
  return effect('member', {
    id,
    guest_id: guestId,
    member_no: `M-${id.toUpperCase()}`,
    card_no: null,
    tier_code: 'basic',
    joined_on: '2026-01-01',
    birthday: null,
    status: 'active',
    created_at: at,
    updated_at: at,
    server_version: null,
  });
}

export interface EntryOptions {
  status?: 'pending' | 'posted';
  kind?: 'earn' | 'redeem';
  desk?: TestDesk;
  bookingId?: string | null;
  actor?: string;
}

export function pointsEntry(id: string, memberId: string, points: number, options: EntryOptions = {}): Effect {
  return effect('points_entry', {
    id,
    member_id: memberId,
    kind: options.kind ?? (points < 0 ? 'redeem' : 'earn'),
    points,
    booking_id: options.bookingId ?? null,
    reverses_id: null,
    earned_on: '2026-11-01',
    expires_on: points > 0 ? '2028-11-01' : null,
    note: '',
    status: options.status ?? 'posted',
    desk_id: options.desk?.deviceId ?? 'seed',
    staff_id: options.actor ?? AGENT,
    staff_name: options.actor ?? AGENT,
    created_at: at,
    server_version: null,
  });
}

/** What members.redeem writes: the pending redemption and the points payment on the booking. */
export function redemption(desk: TestDesk, id: string, memberId: string, bookingId: string, points: number): Effect[] {
  return [
    pointsEntry(id, memberId, -points, { status: 'pending', desk, bookingId }),
    effect('payment', {
      id: `${id}-pay`,
      booking_id: bookingId,
      kind: 'payment',
      method: 'points',
      amount_fen: points,
      reference: `M-${memberId.toUpperCase()}`,
      staff_id: AGENT,
      staff_name: AGENT,
      created_at: at,
      server_version: null,
    }),
  ];
}

/** An approval request as approvals.request writes it, for `operation` with `input`, by `requester`. */
export function approvalRequest(
  desk: TestDesk,
  id: string,
  operation: string,
  input: unknown,
  requester = AGENT,
  requesterRole: Role = 'agent',
): Effect {
  return effect('approval_request', {
    id,
    operation,
    input_json: JSON.stringify(input),
    subject_type: 'booking',
    subject_id: null,
    subject_label: operation,
    amount_fen: null,
    reason: 'guest asked',
    requester_id: requester,
    requester_name: requester,
    requester_role: requesterRole,
    desk_id: desk.deviceId,
    status: 'pending',
    awaiting_role: 'supervisor',
    awaiting_review: 0,
    emergency: 0,
    paperwork_due_at: null,
    paperwork_done_at: null,
    paperwork_note: null,
    paperwork_overdue_logged: 0,
    error_code: null,
    result_json: null,
    created_at: at,
    decided_at: null,
    updated_at: at,
    server_version: null,
    deleted_at: null,
  });
}

/**
 * A held operation approved from the queue, as the desks push it: the request by the agent on
 * `requester`, the supervisor's decision on `approver` (the request executed). Returns the approval id.
 */
export async function approve(
  requester: TestDesk,
  approver: TestDesk,
  operation: string,
  input: unknown,
): Promise<string> {
  const id = uuidv7();
  const request = approvalRequest(requester, id, operation, input);
  const asked = await requester.run('approvals.request', [request], {
    actorId: AGENT,
    input: { operation, input, reason: 'guest asked' },
  });
  if (asked.status !== 'applied') throw new Error(`approvals.request: ${JSON.stringify(asked)}`);
  const decided = await approver.run(
    'approvals.decide',
    [
      effect('approval_decision', {
        id: uuidv7(),
        request_id: id,
        kind: 'approve',
        approved: 1,
        reviewed: 0,
        emergency: 0,
        at_desk: 0,
        decider_id: SUPERVISOR,
        decider_name: SUPERVISOR,
        decider_role: 'supervisor',
        comment: 'ok',
        created_at: at,
      }),
      {
        ...request,
        row: { ...request.row, status: 'executed', awaiting_role: null, decided_at: at, result_json: 'null' },
      },
    ],
    { actorId: SUPERVISOR, input: { requestId: id, decision: 'approve', emergency: false, comment: 'ok' } },
  );
  if (decided.status !== 'applied') throw new Error(`approvals.decide: ${JSON.stringify(decided)}`);
  return id;
}

export interface Property {
  propertyId: string;
  founder: TestDesk;
}

/** A new property founded by a desk whose snapshot holds staff (admin, agent, supervisor), the default matrix, a guest and `extra`. */
export async function foundProperty(server: TestServer, extra: Effect[] = []): Promise<Property> {
  const founder = await TestDesk.enrol(server, await server.issueCode(), { propertyId: uuidv7() });
  const result = await founder.run(SNAPSHOT_OPERATION, [
    staff(ADMIN, 'admin'),
    staff(AGENT, 'agent'),
    staff(SUPERVISOR, 'supervisor'),
    ...permissionMatrix(),
    guest(),
    ...extra,
  ]);
  if (result.status !== 'applied') throw new Error(`snapshot not applied: ${JSON.stringify(result)}`);
  return { propertyId: founder.propertyId, founder };
}

/** Another desk joining the property. */
export async function joinDesk(server: TestServer, propertyId: string): Promise<TestDesk> {
  return TestDesk.enrol(server, await server.issueCode(propertyId));
}
