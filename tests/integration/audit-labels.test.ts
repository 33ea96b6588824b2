/**
 * The audit log read by people: entries name what they touched (a booking's number, a guest's
 * masked name, a staff member), the filter finds an operation by its label in the UI language,
 * and a screen still polling after sign-out leaves no entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationName } from '@shared/contract';
import { maskName } from '../../src-main/services/audit/entity-labels';
import { operationsLabelled } from '../../src-renderer/features/audit/operation-labels';
import { en } from '../../src-renderer/i18n/locales/en';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN';
import { ADMIN, overrideApprovedAtDesk, openDesk, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

async function auditRows() {
  return desk.services.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

/** An operation's label in a catalog, the way i18next reads `operations.<name>`. */
function labelIn(catalog: { operations: unknown }) {
  return (name: OperationName) => {
    let node: unknown = catalog.operations;
    for (const part of name.split('.')) node = (node as Record<string, unknown>)[part];
    return typeof node === 'string' ? node : name;
  };
}

describe('the audit log, readable by people', () => {
  it('names a booking by its number, a guest by a masked name, a staff member by name', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-28',
      roomTypeId: hotel.suite,
      adults: 2,
    });
    await overrideApprovedAtDesk(desk, booking.id, 100_000);
    await signIn(desk, ADMIN.username, ADMIN.password);
    const { entries } = await desk.call('audit.list', { limit: 200 });
    const labelOf = (operation: string) => entries.find((e) => e.operation === operation)?.entityLabel;
    expect(labelOf('bookings.overridePrice')).toBe(booking.number);
    expect(labelOf('bookings.create')).toBe(booking.number);
    const guest = await desk.call('guests.get', { id: hotel.guest });
    expect(labelOf('guests.create')).toBe(`王* (${guest.customerNo})`);
    expect(entries.find((e) => e.operation === 'staff.create')?.entityLabel).toMatch(/^(lina|chen) \((lina|chen)\)$/);
    // A type with no human name keeps only its id.
    expect(entries.find((e) => e.operation === 'approvals.approveAtDesk')?.entityLabel).toBeNull();
  });

  it('masks every name to its first character', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('John Smith')).toBe('J***');
    expect(maskName('')).toBe('');
  });

  it('finds an operation by its label: 改价 in Chinese, "override" in English, the name itself still works', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'walk_in',
      arrival: '2026-11-26',
      departure: '2026-11-28',
      roomTypeId: hotel.suite,
      adults: 2,
    });
    await overrideApprovedAtDesk(desk, booking.id, 100_000);
    await signIn(desk, ADMIN.username, ADMIN.password);

    const zh = operationsLabelled('改价', labelIn(zhCN));
    expect(zh).toContain('bookings.overridePrice');
    expect(operationsLabelled('override', labelIn(en))).toContain('bookings.overridePrice');

    const found = await desk.call('audit.list', { operation: '改价', operations: zh });
    expect(found.entries.length).toBeGreaterThan(0);
    expect(new Set(found.entries.map((e) => e.operation))).toEqual(new Set(['bookings.overridePrice']));
    // Typed text alone matches nothing in Chinese: the names are English.
    expect((await desk.call('audit.list', { operation: '改价' })).entries).toEqual([]);
    expect((await desk.call('audit.list', { operation: 'overridePrice' })).entries.map((e) => e.operation)).toEqual([
      'bookings.overridePrice',
    ]);
  });

  it('a screen polling after sign-out leaves no entry; a change tried without a session and a denied read do', async () => {
    await desk.call('auth.signOut');
    const before = (await auditRows()).length;
    // What the approvals badge does on its timer after sign-out.
    expect((await desk.fail('approvals.counts', {})).code).toBe('NOT_SIGNED_IN');
    expect((await desk.fail('approvals.list', { view: 'toDecide' })).code).toBe('NOT_SIGNED_IN');
    expect(await auditRows()).toHaveLength(before);

    expect((await desk.fail('guests.create', { name: '某人', phone: '13800000000' })).code).toBe('NOT_SIGNED_IN');
    const denied = (await auditRows()).slice(before);
    expect(denied).toEqual([
      expect.objectContaining({ operation: 'guests.create', outcome: 'denied', actor_id: null }),
    ]);

    // A signed-in agent reading the audit log is someone acting: recorded.
    await signIn(desk, 'lina');
    expect((await desk.fail('audit.list', {})).code).toBe('PERMISSION_DENIED');
    expect((await auditRows()).at(-1)).toMatchObject({
      operation: 'audit.list',
      outcome: 'denied',
      actor_name: 'lina',
    });
  });
});
