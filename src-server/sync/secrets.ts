/** Enrolment codes and device tokens: generated here, shown once, stored only as SHA-256 hashes. */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or typed from a screen survives. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** e.g. `K7QM-3XPD`. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The hash of a code as typed: case, spaces and dashes do not matter. */
export function enrolmentCodeHash(code: string): string {
  return sha256(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}
