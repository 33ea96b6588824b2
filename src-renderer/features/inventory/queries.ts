/**
 * What the inventory screens read, cached under one root key: any write here invalidates the
 * root, since a room, a price or a sale changes several views at once (grid, rack, board).
 */
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { call } from '../../api/client';
import { useCan, useSession } from '../auth/session';

export const inventoryKeys = {
  root: ['inventory'],
  businessDate: ['inventory', 'businessDate'],
  grid: ['inventory', 'grid'],
  rack: ['inventory', 'rack'],
  board: ['inventory', 'board'],
  roomTypes: ['inventory', 'roomTypes'],
  rooms: ['inventory', 'rooms'],
  ratePlans: ['inventory', 'ratePlans'],
  closedDates: ['inventory', 'closedDates'],
  ticketProducts: ['inventory', 'ticketProducts'],
  slots: ['inventory', 'slots'],
  ticketOrder: ['inventory', 'ticketOrder'],
} as const;

/**
 * The desk's business date (it moves at the night audit, not at midnight). Staff who may not read
 * bookings (a ticket-only role) fall back to the calendar date in the property's zone.
 */
export function useBusinessDate(): string | undefined {
  const can = useCan();
  const { property } = useSession();
  const allowed = can('reservations.view');
  const day = useQuery({ queryKey: inventoryKeys.businessDate, queryFn: () => call('bookings.day'), enabled: allowed, select: (d) => d.businessDate });
  return allowed ? day.data : DateTime.now().setZone(property.timeZone).toISODate()!;
}

export function useRoomTypes() {
  return useQuery({ queryKey: inventoryKeys.roomTypes, queryFn: () => call('roomTypes.list') });
}

export function useRooms() {
  return useQuery({ queryKey: inventoryKeys.rooms, queryFn: () => call('rooms.list') });
}

export function useRatePlans() {
  return useQuery({ queryKey: inventoryKeys.ratePlans, queryFn: () => call('ratePlans.list') });
}

export function useClosedDates() {
  return useQuery({ queryKey: inventoryKeys.closedDates, queryFn: () => call('closedDates.list') });
}

export function useTicketProducts() {
  return useQuery({ queryKey: inventoryKeys.ticketProducts, queryFn: () => call('ticketProducts.list') });
}
