/**
 * The new-booking form's values and how they become the contract's input. Nights and departure
 * are two ways to say the same thing; whichever the agent types, the other follows.
 */
import type { InputOf } from '@shared/contract';
import type { Channel, GUARANTEES } from '@shared/contract';
import { walkInStay } from '@shared/rules/business-day';
import { addDays, stayNights } from '@shared/rules/stay';

export interface PickedGuest {
  id: string;
  name: string;
  customerNo: string;
  phone: string | null;
}

export interface IntakeValues {
  guest: PickedGuest | null;
  channel: Channel;
  arrival: string;
  nights: number;
  departure: string;
  roomTypeId: string | null;
  ratePlanId: string | null;
  adults: number;
  children: number;
  guarantee: (typeof GUARANTEES)[number];
  specialRequests: string;
}

/** A walk-in for one night from the open business date (at 01:30 before the audit, the night that began the evening before). */
export function initialIntake(businessDate: string): IntakeValues {
  const { arrival, departure } = walkInStay(businessDate, 1);
  return {
    guest: null,
    channel: 'walk_in',
    arrival,
    nights: 1,
    departure,
    roomTypeId: null,
    ratePlanId: null,
    adults: 1,
    children: 0,
    guarantee: 'none',
    specialRequests: '',
  };
}

/** The stay after the agent typed one of arrival, nights or departure. */
export function restay(
  values: Pick<IntakeValues, 'arrival' | 'nights' | 'departure'>,
  changed: 'arrival' | 'nights' | 'departure',
) {
  if (changed === 'departure') return { ...values, nights: stayNights(values.arrival, values.departure).length };
  const nights = Math.max(1, values.nights || 1);
  return { ...values, nights, departure: values.arrival ? addDays(values.arrival, nights) : values.departure };
}

export function toCreateInput(values: IntakeValues): InputOf<'bookings.create'> {
  return {
    guestId: values.guest!.id,
    channel: values.channel,
    arrival: values.arrival,
    departure: values.departure,
    roomTypeId: values.roomTypeId!,
    ratePlanId: values.ratePlanId,
    adults: values.adults,
    children: values.children,
    guarantee: values.guarantee,
    specialRequests: values.specialRequests,
  };
}
