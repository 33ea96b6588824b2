/**
 * What the desk opens over any page — a booking, a guest profile, the new-booking form — lives in
 * the hash's query (`#/desk?booking=…`), so it survives a reload and any screen can open it.
 */
import { setHashParams, useHashParam } from '../shell/router';

/** An action the booking drawer opens with, e.g. check-in straight after a walk-in booking. */
export type DrawerAction =
  'assignRoom' | 'checkIn' | 'moveRoom' | 'checkOut' | 'pay' | 'change' | 'overridePrice' | 'cancel';

export function openBooking(id: string, action?: DrawerAction): void {
  setHashParams({ booking: id, action: action ?? null, guest: null, intake: null, created: null });
}

export function closeBooking(): void {
  setHashParams({ booking: null, action: null });
}

export function openGuest(id: string): void {
  setHashParams({ guest: id, booking: null, action: null });
}

export function closeGuest(): void {
  setHashParams({ guest: null });
}

export function openIntake(): void {
  setHashParams({ intake: '1' });
}

export function closeIntake(): void {
  // `created`: the booking the form just made, whose confirmation outlives printing its voucher.
  setHashParams({ intake: null, created: null });
}

export function useOverlays() {
  return {
    bookingId: useHashParam('booking'),
    action: useHashParam('action') as DrawerAction | null,
    guestId: useHashParam('guest'),
    intake: useHashParam('intake') === '1',
  };
}
