/**
 * Guests' phones and ID numbers, and ticket visitors' ID numbers, at rest. Each is sealed
 * (AES-256-GCM under the property key's field subkey, its table and column named as context) and
 * looked up by a keyed hash of its normal form under the lookup subkey, so neither the database,
 * its backups nor the server hold one in clear. A phone also keeps, unsealed, its last four digits
 * (searched at the desk) and its masked form (what lists show); a visitor's ID number its masked form.
 */
import { maskIdNumber, maskPhone } from '@shared/rules/masking';
import { normaliseIdNumber, normalisePhone, phoneLast4 } from '@shared/rules/guest-fields';
import { hmac, open, seal } from './crypto';
import type { PropertyKeys } from './vault';

export interface PhoneColumns {
  phone_sealed: string | null;
  phone_hmac: string | null;
  phone_last4: string | null;
  phone_masked: string | null;
}

export interface IdNumberColumns {
  id_number_sealed: string | null;
  id_number_hmac: string | null;
}

export const NO_PHONE: PhoneColumns = { phone_sealed: null, phone_hmac: null, phone_last4: null, phone_masked: null };
export const NO_ID_NUMBER: IdNumberColumns = { id_number_sealed: null, id_number_hmac: null };

export interface VisitorIdNumberColumns extends IdNumberColumns {
  id_number_masked: string;
}

const PHONE = 'guest.phone';
const ID_NUMBER = 'guest.id_number';
const VISITOR_ID_NUMBER = 'ticket_visitor.id_number';

function sealText(keys: PropertyKeys, value: string, context: string): string {
  return seal(keys.key('field'), Buffer.from(value, 'utf8'), context).toString('base64');
}

function openText(keys: PropertyKeys, sealed: string | null, context: string): string | null {
  if (sealed === null) return null;
  const plain = open(keys.key('field'), Buffer.from(sealed, 'base64'), context);
  // The property has one key; a value it does not open was damaged or written elsewhere.
  if (!plain) throw new Error(`${context} does not open under this property's key`);
  return plain.toString('utf8');
}

/** The keyed hash a phone is found by; the column name keeps a phone and an ID number with the same digits apart. */
export function phoneLookup(keys: PropertyKeys, raw: string): string {
  return hmac(keys.key('lookup'), `${PHONE}:${normalisePhone(raw)}`);
}

/** One hash for an ID number wherever it is kept (a guest's, a visitor's): the same document is the same person. */
export function idNumberLookup(keys: PropertyKeys, raw: string): string {
  return hmac(keys.key('lookup'), `id_number:${normaliseIdNumber(raw)}`);
}

export function sealPhone(keys: PropertyKeys, raw: string | null): PhoneColumns {
  if (raw === null) return NO_PHONE;
  const phone = normalisePhone(raw);
  return {
    phone_sealed: sealText(keys, phone, PHONE),
    phone_hmac: phoneLookup(keys, phone),
    phone_last4: phoneLast4(phone),
    phone_masked: maskPhone(phone),
  };
}

export function sealIdNumber(keys: PropertyKeys, raw: string | null): IdNumberColumns {
  if (raw === null) return NO_ID_NUMBER;
  const idNumber = normaliseIdNumber(raw);
  return { id_number_sealed: sealText(keys, idNumber, ID_NUMBER), id_number_hmac: idNumberLookup(keys, idNumber) };
}

export function sealVisitorIdNumber(keys: PropertyKeys, raw: string): VisitorIdNumberColumns {
  const idNumber = normaliseIdNumber(raw);
  return {
    id_number_sealed: sealText(keys, idNumber, VISITOR_ID_NUMBER),
    id_number_hmac: idNumberLookup(keys, idNumber),
    id_number_masked: maskIdNumber(idNumber),
  };
}

export function openPhone(keys: PropertyKeys, row: Pick<PhoneColumns, 'phone_sealed'>): string | null {
  return openText(keys, row.phone_sealed, PHONE);
}

export function openIdNumber(keys: PropertyKeys, row: Pick<IdNumberColumns, 'id_number_sealed'>): string | null {
  return openText(keys, row.id_number_sealed, ID_NUMBER);
}
