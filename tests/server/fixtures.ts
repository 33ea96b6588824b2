/** Rows as desks write them, and a founded property with staff, the permission matrix and some inventory. */
import { DEFAULT_GRANTS, type Role } from '@shared/permissions';
import { SNAPSHOT_OPERATION, type Effect } from '@shared/sync/protocol';
import { rowKey, type SyncRow } from '@shared/sync/tables';
import { v7 as uuidv7 } from 'uuid';
import { TestDesk } from './desk';
import type { TestServer } from './harness';

export function effect(table: string, row: SyncRow): Effect {
  return { table, key: rowKey(table, row), row };
}

const at = '2026-12-01T08:00:00.000Z';

export const ADMIN = 'staff-admin';
export const AGENT = 'staff-agent';
export const SUPERVISOR = 'staff-supervisor';

export function staff(id: string, role: Role, username = id, active = 1): Effect {
  return effect('staff', { id, username, display_name: id, role, active, created_at: at, updated_at: at, server_version: null, deleted_at: null });
}

export function permissionMatrix(): Effect[] {
  return Object.entries(DEFAULT_GRANTS).flatMap(([role, permissions]) => permissions.map((permission) => effect('role_permission', { role, permission })));
}

export function roomType(id: string, code = id): Effect {
  return effect('room_type', { id, code, name: code, server_version: null, deleted_at: null });
}

export function room(id: string, roomTypeId: string, number = id, status = 'vacant_clean'): Effect {
  return effect('room', { id, number, floor: 1, room_type_id: roomTypeId, status, features_json: '[]', created_at: at, updated_at: at, server_version: null, deleted_at: null });
}

/** A booking and one booking_night row per night. */
export function booking(id: string, roomTypeId: string, nights: string[], number = `B-${id}`): Effect[] {
  return [
    effect('booking', { id, number, room_type_id: roomTypeId, status: 'confirmed', arrival: nights[0], created_at: at, updated_at: at, server_version: null }),
    ...nights.map((night) => effect('booking_night', { booking_id: id, night, room_type_id: roomTypeId })),
  ];
}

export function ticketSlot(id: string, capacity: number): Effect {
  return effect('ticket_slot', { id, product_id: 'product-1', start_time: '09:00', end_time: '10:00', capacity });
}

/** A sold order and its visitors. */
export function ticketOrder(id: string, slotId: string, visitDate: string, visitors: number): Effect[] {
  return [
    effect('ticket_order', { id, number: `T-${id}`, product_id: 'product-1', slot_id: slotId, visit_date: visitDate, status: 'sold', server_version: null }),
    ...Array.from({ length: visitors }, (_, i) => effect('ticket_visitor', { id: `${id}-v${i}`, order_id: id, name: `Visitor ${i}`, id_type: 'id_card', id_number: 'x' })),
  ];
}

export function member(id: string): Effect {
  return effect('member', { id, member_no: `M-${id}`, server_version: null });
}

export function pointsEntry(id: string, memberId: string, points: number, status: 'pending' | 'posted' = 'posted'): Effect {
  return effect('points_entry', { id, member_id: memberId, kind: points < 0 ? 'redeem' : 'earn', points, status, note: '', server_version: null });
}

export interface Property {
  propertyId: string;
  founder: TestDesk;
}

/** A new property founded by a desk whose snapshot holds staff (admin, agent, supervisor), the default matrix and `extra`. */
export async function foundProperty(server: TestServer, extra: Effect[] = []): Promise<Property> {
  const founder = await TestDesk.enrol(server, await server.issueCode(), { propertyId: uuidv7() });
  const result = await founder.run(SNAPSHOT_OPERATION, [
    staff(ADMIN, 'admin'),
    staff(AGENT, 'agent'),
    staff(SUPERVISOR, 'supervisor'),
    ...permissionMatrix(),
    ...extra,
  ]);
  if (result.status !== 'applied') throw new Error(`snapshot not applied: ${JSON.stringify(result)}`);
  return { propertyId: founder.propertyId, founder };
}

/** Another desk joining the property. */
export async function joinDesk(server: TestServer, propertyId: string): Promise<TestDesk> {
  return TestDesk.enrol(server, await server.issueCode(propertyId));
}
