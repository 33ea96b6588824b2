/**
 * The kinds of column a synced row holds, as the desk stores them in SQLite: ids, instants and
 * local dates as text, booleans as INTEGER 0/1, money as integer fen, JSON documents as text.
 * Each kind carries its size limit, so a row a desk pushes can be checked column by column.
 */
import { z } from 'zod';
import { cancellationPolicySchema } from '../../contract/cancellation-policy';
import { instant as isoInstant, localDate } from '../../contract/fields';
import { parseNumber, type NumberPrefix } from '../../rules/numbers';

/**
 * The key of a row, or a reference to one: UUIDv7 made on the desk, or a fixed actor such as
 * `system` or `seed` where no staff member acted. Never free text.
 */
export const id = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'not an id' });

/** An instant, UTC ISO-8601 as `Date.toISOString()` writes it. */
export const instant = isoInstant;

/** A calendar date of the property, `YYYY-MM-DD`. */
export const date = localDate;

/** A wall-clock time of day, `HH:MM` (ticket slots). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'not a time of day HH:MM' });

/** A boolean as SQLite stores it. */
export const flag = z.union([z.literal(0), z.literal(1)], { error: 'expected 0 or 1' });

/** The largest amount of money any column holds (the approval policy's own bound): ¥100 billion. */
export const MAX_FEN = 1e13;

/** Money in integer fen, never negative: prices, totals, penalties, thresholds. */
export const fen = z.number().int().min(0).max(MAX_FEN);

/** Money in integer fen that may be negative (a refund is a negative payment). */
export const signedFen = z.number().int().min(-MAX_FEN).max(MAX_FEN);

/** An integer within bounds (counts, capacities, positions). */
export function integer(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

/** The server's version stamp: null until the server has stored the row. */
export const serverVersion = z.number().int().min(0).nullable();

/**
 * Free text caps, each at or above what the contract lets a handler write: names (the contract
 * allows 40), references and short labels (100), notes, reasons and requests (300–500).
 */
export const TEXT = { name: 100, reference: 100, label: 500, note: 2000 } as const;

export function text(max: number, min = 0) {
  return z.string().min(min).max(max);
}

/** A person's or a thing's name: required, at most TEXT.name characters. */
export const name = text(TEXT.name, 1);

/** A code as the contract normalises it: upper case letters, digits and dashes (room types, rate plans, ticket products). */
export const code = z
  .string()
  .max(12)
  .regex(/^[A-Z0-9-]+$/, { error: 'not a code (A-Z, 0-9, -)' });

/** A number made on the desk for people to read (customer, member); upper case letters, digits, dashes. */
export const deskNumber = z
  .string()
  .max(32)
  .regex(/^[A-Z0-9-]+$/, { error: 'not a number (A-Z, 0-9, -)' });

/** A booking (B), ticket (T) or cancellation (X) number exactly as `formatNumber` writes it. */
export function humanNumber(prefix: NumberPrefix) {
  return z
    .string()
    .max(32)
    .refine((value) => parseNumber(value)?.prefix === prefix && value === value.trim().toUpperCase(), {
      error: `not a ${prefix} number`,
    });
}

/** An operation's name as the contract spells it (`bookings.create`, `seed.demo`). */
export const operationName = z
  .string()
  .max(64)
  .regex(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, { error: 'not an operation name' });

/** A snake_case word naming a kind of thing (`booking`, `approval_policy`). */
export const snakeWord = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'not a snake_case word' });

/** A SHA-256 (or HMAC-SHA-256) digest in hex. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'not a SHA-256 hex digest' });

/**
 * A JSON document stored as text: at most `max` characters, it parses, and, when a shape is
 * given, the parsed value has it. The length is checked before parsing, so an oversized value is
 * refused without being parsed.
 */
export function jsonText(max: number, shape?: z.ZodType) {
  return z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      if (value.length > max) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return;
      }
      if (shape && !shape.safeParse(parsed).success)
        ctx.addIssue({ code: 'custom', message: 'JSON of the wrong shape' });
    });
}

/** Caps of the JSON columns, in characters, each well above what a legitimate handler writes. */
export const JSON_MAX = {
  /** Small lists and policies: room features, rate-plan channels, a cancellation policy, a conflict's counts. */
  small: 20_000,
  /** A stay's nightly prices, a change's before and after, a held operation's input, a setting. */
  medium: 200_000,
  /** An audit entry's detail or a held operation's result: an approved export carries up to 10,000 guests as CSV. */
  large: 2_000_000,
} as const;

/** A cancellation policy as snapshotted on a rate plan, a ticket product, a booking or a ticket order. */
export const policyJson = jsonText(JSON_MAX.small, cancellationPolicySchema);

/** A value sealed on a desk (src-main/vault/guest-fields.ts): base64 of nonce ‖ ciphertext ‖ tag, never the value itself. */
export const sealed = z
  .string()
  .min(40)
  .max(128)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'not a sealed value' });

/** A keyed hash for exact lookup: HMAC-SHA256, base64url. */
export const keyedHash = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'not a keyed hash' });
