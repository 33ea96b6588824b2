/**
 * A hostile desk cheating on money and approvals: a booking at 1 fen a night, an approval for a
 * small price cut spent on a large one, a made-up or still pending approval, one approved
 * overbooking sold twice, and held operations pushed without the approval they need. Each is
 * refused with its reason, and neither the server nor the honest founding desk, once it has
 * synced, sees any change; the honest use of the same approval still goes through.
 */
import type { Effect } from '@shared/sync/protocol';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import {
  effectOf,
  hostileSuite,
  refusal,
  rowIn,
  serverTable,
  syncDesk,
  variant,
  type HostileProperty,
  type Mutation,
} from './hostile-desk';
import { ERASED_COLUMNS } from '../../src-main/services/guests/erasure';

const authorisation = { method: 'in_person' as const, reference: '老客户' };

/** A suite booked by lina at the joined desk (120,000 fen a night, no rate plan). */
function suiteStay(property: HostileProperty, arrival: string, departure: string) {
  return {
    guestId: property.hotel.guest,
    channel: 'walk_in' as const,
    arrival,
    departure,
    roomTypeId: property.hotel.suite,
    adults: 2,
  };
}

/**
 * Two suite bookings, A and B, and a cut of ¥8 a night on A that chen approves at the desk, all
 * still in the joined desk's outbox: [create A, create B, request, approval at the desk, the cut].
 */
async function smallCutApproved(property: HostileProperty) {
  const { joined, attacker } = property;
  const a = await joined.call('bookings.create', suiteStay(property, '2026-12-01', '2026-12-03'));
  const b = await joined.call('bookings.create', suiteStay(property, '2026-12-05', '2026-12-07'));
  const input = { id: a.id, nightlyFen: 119_200, authorisation };
  const request = await joined.call('approvals.request', {
    operation: 'bookings.overridePrice',
    input,
    reason: '老客户优惠',
  });
  expect(request.amountFen).toBe(1_600);
  await joined.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
  const [createA, createB, requested, approved, cut] = await attacker.outbox();
  expect([createA, createB, requested, approved, cut].map((m) => m?.name)).toEqual([
    'bookings.create',
    'bookings.create',
    'approvals.request',
    'approvals.approveAtDesk',
    'bookings.overridePrice',
  ]);
  expect(cut!.approvalId).toBe(request.id);
  return { a, b, request, createA: createA!, createB: createB!, requested: requested!, approved: approved!, cut: cut! };
}

/** The booking row with every night at `priceFen` and the total to match. */
function repriced(booking: Record<string, unknown>, priceFen: number) {
  const nights = (JSON.parse(String(booking.nights_json)) as { night: string }[]).map(({ night }) => ({
    night,
    priceFen,
  }));
  return { ...booking, nights_json: JSON.stringify(nights), total_fen: priceFen * nights.length };
}

/** The same sale as a second booking: its own id and number, its own nights and history (the audit entry left out, as a forger would). */
function asAnotherBooking(mutation: Mutation): Mutation {
  const original = rowIn(mutation, 'booking');
  const id = uuidv7();
  const number = String(original.number).replace(/\d+$/, '099');
  const effects: Effect[] = [];
  for (const effect of mutation.effects) {
    if (effect.table === 'booking') effects.push(effectOf('booking', { ...original, id, number }));
    if (effect.table === 'booking_night') effects.push(effectOf('booking_night', { ...effect.row, booking_id: id }));
    if (effect.table === 'booking_change')
      effects.push(effectOf('booking_change', { ...effect.row, id: uuidv7(), booking_id: id }));
  }
  return variant(mutation, { effects });
}

describe.each(BACKENDS)('a hostile desk cheating on money and approvals on %s', (backend) => {
  const suite = hostileSuite(backend);

  it('a booking pushed at 1 fen a night on a rate plan of ¥588 is refused (VALUE_MISMATCH)', async () => {
    const property = await suite.property();
    const { attacker, joined, hotel } = property;
    await joined.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-27',
      departure: '2026-11-29',
      roomTypeId: hotel.standard,
      ratePlanId: hotel.plan,
      adults: 1,
    });
    const sale = await attacker.lastOutbox('bookings.create');
    expect(rowIn(sale, 'booking').total_fen).toBe(117_600);
    const cheap = variant(sale, {
      effects: sale.effects.map((effect) =>
        effect.table === 'booking' ? { ...effect, row: repriced(effect.row!, 1) } : effect,
      ),
    });
    const before = await property.state();

    const [result] = await attacker.push(cheap);

    expect(result).toMatchObject(refusal('VALUE_MISMATCH'));
    expect(await property.state()).toEqual(before);
  });

  it('an approval for a ¥8 cut on one booking, spent on a cut to 1 yuan a night on another, is refused (APPROVAL_INVALID); spent as approved, it goes through', async () => {
    const property = await suite.property();
    const { attacker, server, propertyId } = property;
    const { b, createA, createB, requested, approved, cut } = await smallCutApproved(property);
    expect(await attacker.push(createA, createB, requested, approved)).toEqual(
      Array(4).fill({ seq: expect.any(Number), status: 'applied' }),
    );
    const bookingB = (await serverTable(server, propertyId, 'booking')).get(b.id)!;
    const large = variant(cut, {
      input: { id: b.id, nightlyFen: 100, authorisation },
      effects: cut.effects.map((effect) => {
        if (effect.table === 'booking') return { ...effect, key: b.id, row: repriced(bookingB, 100) };
        if (effect.table === 'booking_change')
          return effectOf('booking_change', { ...effect.row, id: uuidv7(), booking_id: b.id });
        return effect;
      }),
    });
    const before = await property.state();

    const [result] = await attacker.push(large);

    expect(result).toMatchObject(refusal('APPROVAL_INVALID'));
    expect(await property.state()).toEqual(before);
    expect((await property.founder.call('bookings.get', { id: b.id })).totalFen).toBe(240_000);
    // The approval was not spent by the refusal: the cut it was given for still applies.
    expect((await attacker.push(cut))[0]).toMatchObject({ status: 'applied' });
  });

  it('a made-up approval id, or one the server holds but nobody has decided yet, is refused (APPROVAL_INVALID)', async () => {
    const property = await suite.property();
    const { attacker } = property;
    const { createA, createB, requested, approved, cut } = await smallCutApproved(property);
    await attacker.push(createA, createB, requested);
    const before = await property.state();

    const [madeUp, undecided] = await attacker.push(variant(cut, { approvalId: uuidv7() }), variant(cut));

    expect(madeUp).toMatchObject(refusal('APPROVAL_INVALID', 'unknown approval'));
    expect(undecided).toMatchObject(refusal('APPROVAL_INVALID'));
    expect(await property.state()).toEqual(before);
    expect((await attacker.push(approved, cut)).map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('an approval at the desk in the supervisor’s name, signed by the agent who alone is signed in there, is refused (SIGNATURE_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, staff } = property;
    const { createA, createB, requested, approved, cut } = await smallCutApproved(property);
    expect(approved.signedBy).toBe(staff.chen);
    await attacker.push(createA, createB, requested);
    const before = await property.state();

    // Chen's decision as the desk wrote it, but signed with the only key the desk holds now: lina's (the actor of approval at the desk).
    const [forged] = await attacker.push(variant(approved));

    expect(forged).toMatchObject(refusal('SIGNATURE_INVALID'));
    expect(await property.state()).toEqual(before);
    // With chen's own signature the same decision goes through, and the cut it approved with it.
    expect((await attacker.push(approved, cut)).map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('one approved overbooking of the last suite, used a second time for another booking, is refused (APPROVAL_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, joined } = property;
    const stay = suiteStay(property, '2026-12-01', '2026-12-03');
    await joined.call('bookings.create', stay);
    const request = await joined.call('approvals.request', {
      operation: 'bookings.overbook',
      input: stay,
      reason: '团队客人坚持入住',
    });
    await joined.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    const overbooked = await attacker.lastOutbox('bookings.overbook');
    expect(overbooked.approvalId).toBe(request.id);
    await syncDesk(joined);
    const before = await property.state();

    const [again] = await attacker.push(asAnotherBooking(overbooked));

    expect(again).toMatchObject(refusal('APPROVAL_INVALID', 'approval already used'));
    expect(await property.state()).toEqual(before);
  });

  it('an overbooking of the last suite pushed without its supervisor’s approval is refused (APPROVAL_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, joined } = property;
    const stay = suiteStay(property, '2026-12-01', '2026-12-03');
    await joined.call('bookings.create', stay);
    const request = await joined.call('approvals.request', {
      operation: 'bookings.overbook',
      input: stay,
      reason: '团队客人坚持入住',
    });
    await joined.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    const [sold] = await attacker.outbox();
    const overbooked = await attacker.lastOutbox('bookings.overbook');
    await attacker.push(sold!);
    const before = await property.state();

    // The request and the approval never reach the server: the overbooking goes up as if none were needed.
    const [result] = await attacker.push(variant(overbooked, { approvalId: null }));

    expect(result).toMatchObject(refusal('APPROVAL_INVALID'));
    expect(await property.state()).toEqual(before);
  });

  it('a guest deleted by an agent without the supervisor and the second reviewer the policy asks for is refused (APPROVAL_INVALID)', async () => {
    const property = await suite.property();
    const { attacker, server, propertyId, hotel, staff } = property;
    const guest = (await serverTable(server, propertyId, 'guest')).get(hotel.guest)!;
    const before = await property.state();
    const at = new Date().toISOString();

    const [result] = await attacker.push({
      id: uuidv7(),
      name: 'guests.delete',
      at: new Date().toISOString(),
      actorId: staff.lina!,
      approvalId: null,
      input: { id: hotel.guest },
      // The erasure an approved deletion writes: only the approval is missing.
      effects: [
        effectOf('guest', { ...guest, ...ERASED_COLUMNS, deleted_at: at, erased_at: at }, [
          ...Object.keys(ERASED_COLUMNS),
          'deleted_at',
          'erased_at',
        ]),
      ],
    });

    expect(result).toMatchObject(refusal('APPROVAL_INVALID'));
    expect(await property.state()).toEqual(before);
    expect(await property.founder.call('guests.get', { id: hotel.guest })).toMatchObject({ name: '王芳' });
  });

  it('a price cut pushed without the approval it needs is refused (VALUE_MISMATCH or APPROVAL_INVALID)', async () => {
    const property = await suite.property();
    const { attacker } = property;
    const { a, createA, createB, cut } = await smallCutApproved(property);
    await attacker.push(createA, createB);
    const before = await property.state();

    const [result] = await attacker.push(variant(cut, { approvalId: null }));

    expect(result).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^(VALUE_MISMATCH|APPROVAL_INVALID)$/),
    });
    expect(await property.state()).toEqual(before);
    expect((await property.founder.call('bookings.get', { id: a.id })).totalFen).toBe(240_000);
  });
});
