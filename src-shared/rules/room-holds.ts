/**
 * Who holds a room, and when. A booking that is confirmed or in house holds the room it was given
 * (pre-assigned before arrival, or checked in) for its nights, arrival … departure − 1; no two live
 * stays may hold one room on the same night. The desk and the server decide with these functions.
 */
import { holdsInventory, type BookingStatus } from './booking-status';

export interface RoomStay {
  id: string;
  number?: string;
  roomId: string | null;
  status: BookingStatus;
  arrival: string;
  departure: string;
}

/** Whether two stays share a night. */
export function staysOverlap(a: { arrival: string; departure: string }, b: { arrival: string; departure: string }) {
  return a.arrival < b.departure && b.arrival < a.departure;
}

/** Whether a stay holds its room (it has one and is confirmed or in house). */
export function holdsRoom(stay: Pick<RoomStay, 'roomId' | 'status'>): boolean {
  return stay.roomId !== null && holdsInventory(stay.status);
}

/** Another live stay holding `roomId` on a night of `stay`, or null (the stay itself is left out). */
export function roomHolder<T extends RoomStay>(
  roomId: string,
  stay: { id: string; arrival: string; departure: string },
  others: readonly T[],
): T | null {
  return (
    others.find(
      (other) => other.id !== stay.id && other.roomId === roomId && holdsRoom(other) && staysOverlap(stay, other),
    ) ?? null
  );
}
