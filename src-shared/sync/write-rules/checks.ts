/** The row conditions write rules are made of: who wrote a row, from which desk, in which state, beside which rows. */
import type { SyncRow } from '../tables';
import type { RowCheck, WriteContext } from './types';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** The column holds the acting staff member's id. */
export const byActor =
  (column: string): RowCheck =>
  (row, context) =>
    context.actor !== null && row[column] === context.actor.id ? null : `${column} is not the actor`;

/** The column holds the acting staff member's username (bookings record who made them by username). */
export const byActorName =
  (column: string): RowCheck =>
  (row, context) =>
    context.actor !== null && row[column] === context.actor.username ? null : `${column} is not the actor`;

/** The column holds the pushing desk's id. */
export const fromDesk =
  (column: string): RowCheck =>
  (row, context) =>
    row[column] === context.deviceId ? null : `${column} is not this desk`;

/** The column holds a value (a step that must record when or who). */
export const present =
  (column: string): RowCheck =>
  (row) =>
    row[column] === null || row[column] === undefined ? `${column} must be set` : null;

export const equals =
  (column: string, value: unknown): RowCheck =>
  (row) =>
    (row[column] ?? null) === value ? null : `${column} must be ${String(value)}`;

export const oneOf =
  (column: string, values: readonly unknown[]): RowCheck =>
  (row) =>
    values.includes(row[column] ?? null) ? null : `${column} must be one of ${values.join('/')}`;

/** The column changed only from one of `from` (a state transition the operation makes). */
export const wasOneOf =
  (column: string, from: readonly unknown[]): RowCheck =>
  (_row, _context, before) =>
    before === null || from.includes(before[column] ?? null) ? null : `${column} was ${String(before[column])}`;

/** The column points at a row of `table` this same mutation wrote (a booking's nights, an order's visitors). */
export const partOfWritten =
  (column: string, table: string, keyColumn = 'id'): RowCheck =>
  (row, context) =>
    context.written(table).some((parent) => text(parent[keyColumn]) === text(row[column]))
      ? null
      : `${column} is not a ${table} of this change`;

/** A booking night keeps the room type of the booking this mutation wrote beside it. */
export const nightOfWrittenBooking: RowCheck = (row, context: WriteContext) => {
  const booking = context.written('booking').find((b: SyncRow) => b.id === row.booking_id);
  if (!booking) return 'booking_id is not a booking of this change';
  if (row.room_type_id !== booking.room_type_id) return 'room_type_id differs from the booking';
  const night = text(row.night) ?? '';
  return night >= text(booking.arrival)! && night < text(booking.departure)! ? null : 'night outside the stay';
};

/** A room a booking this mutation wrote holds (a changed stay claiming its room again). */
export const roomOfWrittenBooking: RowCheck = (row, context) =>
  context.written('booking').some((b) => b.room_id != null && text(b.room_id) === text(row.id))
    ? null
    : 'not the room of a booking of this change';

/** The column keeps its value, or is emptied while the row was in one of `states` (a pre-assigned room that lapses); never set to another. */
export const keptOrClearedWhile =
  (column: string, stateColumn: string, states: readonly unknown[]): RowCheck =>
  (row, _context, before) => {
    if (before === null || row[column] === before[column]) return null;
    if (row[column] !== null) return `${column} may only be cleared`;
    return states.includes(before[stateColumn])
      ? null
      : `${column} may not be cleared while ${String(before[stateColumn])}`;
  };

/** The input names this row (`inputKey` of the operation's input equals the column). */
export const namedByInput =
  (column: string, inputKey: string): RowCheck =>
  (row, context) => {
    const input = context.input as Record<string, unknown> | null;
    return input !== null && typeof input === 'object' && input[inputKey] === row[column]
      ? null
      : `${column} is not the one the input names`;
  };

/** Every check of a list, for rules that share conditions. */
export const all = (...checks: RowCheck[]): readonly RowCheck[] => checks;
