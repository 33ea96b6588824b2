/** Field schemas shared by several operations, so a rule (a password's length, a valid zone) lives once. */
import { z } from 'zod';
import { ROLES } from '../permissions';

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/);

export const password = z.string().min(8).max(128);

export const displayName = z.string().trim().min(1).max(40);

export const role = z.enum(ROLES);

export const id = z.uuid();

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const timeZone = z.string().refine(isTimeZone, { message: 'timeZone' });

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine((code) => Intl.supportedValuesOf('currency').includes(code));

export const propertySettings = z.object({
  name: z.string().trim().min(1).max(80),
  timeZone,
  currency,
});

/** An ISO-8601 instant (UTC). */
export const instant = z.iso.datetime();

/** A calendar date of the property, `YYYY-MM-DD`. */
export const localDate = z.iso.date();
