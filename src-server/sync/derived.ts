/**
 * Values a desk derives with the shared pure rules, worked out again by the server from its own
 * rows with the same src-shared functions before a mutation is applied: nightly prices and totals
 * from the rate plan (or the base rate), a ticket sale's price, the booking's nights; penalties and
 * refunds from the booking's or order's own terms; points earned at check-out, a redemption's
 * value and the redemptions a cancellation gives back. A figure the server makes differently
 * refuses the whole mutation (VALUE_MISMATCH, with what was sent and what the server makes it).
 *
 * Approvals: an override or a waiver differs from the rules by design. Whether the operation
 * needed an approval, and that the approval the server holds is for this very operation, subject
 * and amount (its input) and used once, is checked before this (approvals.ts); here the rows must
 * say exactly what that input says. A difference no approval covers is refused.
 *
 * Who holds a room (a pre-assignment, a check-in, a move, a changed stay keeping its room) is
 * checked against the server's bookings and rooms (derived/rooms.ts).
 *
 * Whom a complaint step names (a co-owner, a hand-over's receiver) is checked the same way, against
 * the server's own staff and matrix (derived/complaints.ts); archive files, contract names, download
 * allowances and record deletions against the server's key id, policy, matrix and business date
 * (derived/archive.ts).
 *
 * Prices move: a desk that sold from prices the server has since replaced, before it could have
 * pulled the change, is honest; see derived/offline-prices.ts for the rule and what it leaves.
 * Other inputs (payments another desk took, the zone, the check-in time, tiers, the loyalty policy)
 * are the server's as they stand: a cancellation worked out on a folio another desk changed
 * meanwhile does not add up here and is refused (unless a check before this one has already sent
 * it back to be run again), and the desk makes it again.
 */
import type { PushedMutation } from '@shared/sync/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Pusher, Rejection } from './authority';
import { checkContractNames, checkErasedDocuments, checkFiles, checkGrants, checkRetention } from './derived/archive';
import {
  checkBookingCancellations,
  checkNoShows,
  checkResolutionTotals,
  checkTicketCancellations,
  checkWaiver,
} from './derived/cancellations';
import { checkCoOwner, checkReceiver } from './derived/complaints';
import { MutationRows, ServerFacts, type Derivation } from './derived/facts';
import { checkEarned, checkRedemption } from './derived/points';
import { checkRoomHolds, checkRoomsOfStay } from './derived/rooms';
import {
  checkChangedBookings,
  checkCheckOutStay,
  checkNewBookings,
  checkOverride,
  checkTicketSales,
} from './derived/prices';
import type { ServerWrite } from './writes';

type Check = (d: Derivation) => Promise<Rejection | null> | Rejection | null;

/** The checks of each operation whose rows carry derived values, in order; the first refusal wins. */
const CHECKS: Readonly<Record<string, readonly Check[]>> = {
  'bookings.create': [checkNewBookings],
  'bookings.overbook': [checkNewBookings],
  'bookings.change': [checkChangedBookings, checkRoomHolds],
  'bookings.overridePrice': [checkOverride],
  'bookings.cancel': [(d) => checkBookingCancellations(d, false)],
  'tickets.sell': [checkTicketSales],
  'tickets.cancel': [(d) => checkTicketCancellations(d, false)],
  // A supervisor's cancellation of an oversold sale is free of its terms; a move keeps the price.
  'conflicts.resolve': [
    checkRoomHolds,
    checkResolutionTotals,
    (d) => checkBookingCancellations(d, true),
    (d) => checkTicketCancellations(d, true),
  ],
  'nightAudit.roll': [checkNoShows],
  'cancellations.waive': [checkWaiver],
  'frontDesk.checkOut': [checkRoomsOfStay, checkCheckOutStay, checkEarned],
  'frontDesk.assignRoom': [checkRoomHolds],
  'frontDesk.checkIn': [checkRoomHolds],
  'frontDesk.moveRoom': [checkRoomsOfStay, checkRoomHolds],
  'members.redeem': [checkRedemption],
  'complaints.escalate': [checkCoOwner],
  'complaints.offerHandover': [checkReceiver],
  'archive.contracts.add': [checkContractNames, checkFiles],
  'archive.contracts.addVersion': [checkFiles],
  'archive.contracts.update': [checkContractNames],
  'archive.attach': [checkFiles],
  'archive.records.archiveMonth': [checkFiles],
  'archive.records.delete': [checkRetention],
  'archive.allowDownload': [checkGrants],
  'guests.delete': [checkErasedDocuments],
  // The desk's month-end job files work records (the write rule allows nothing else of the archive there).
  'job.changes': [checkFiles],
};

/** Null when every derived value of the mutation is what the server makes it; otherwise the first that is not. */
export async function checkDerived(
  db: Kysely<Database>,
  pusher: Pusher,
  mutation: PushedMutation,
  writes: readonly ServerWrite[],
): Promise<Rejection | null> {
  const checks = Object.hasOwn(CHECKS, mutation.name) ? CHECKS[mutation.name]! : [];
  if (checks.length === 0) return null;
  const derivation: Derivation = {
    facts: new ServerFacts(db, pusher.propertyId),
    rows: new MutationRows(writes),
    mutation,
    deviceId: pusher.deviceId,
  };
  for (const check of checks) {
    const rejection = await check(derivation);
    if (rejection) return rejection;
  }
  return null;
}
