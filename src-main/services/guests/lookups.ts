/**
 * What a search text finds among sealed fields: a phone by its last four digits (kept in clear)
 * or by the whole number, and an ID number by the whole number only (see mayBeIdNumber), both
 * through the keyed hash. A desk without the property key finds neither whole number.
 */
import type { Kysely } from 'kysely';
import { mayBeIdNumber, searchedPhone } from '@shared/rules/guest-fields';
import type { Database } from '../../db/schema';
import { idNumberLookup, phoneLookup } from '../../vault/guest-fields';
import type { PropertyKeys } from '../../vault/vault';
import type { DeskPorts } from '../rpc/handler';

export interface ColumnMatch {
  column: 'phone_last4' | 'phone_hmac' | 'id_number_hmac';
  value: string;
}

async function openKeys(desk: Pick<DeskPorts, 'vault'>, db: Kysely<Database>): Promise<PropertyKeys | null> {
  return (await desk.vault.state(db)) === 'open' ? desk.vault.open(db) : null;
}

/** The columns and values a search text is looked up by, beside names and customer numbers. */
export async function sealedMatches(
  desk: Pick<DeskPorts, 'vault'>,
  db: Kysely<Database>,
  text: string,
  withIdNumber: boolean,
): Promise<ColumnMatch[]> {
  const phone = searchedPhone(text);
  const idNumber = withIdNumber && mayBeIdNumber(text);
  const keys = (phone && 'full' in phone) || idNumber ? await openKeys(desk, db) : null;
  const matches: ColumnMatch[] = [];
  if (phone && 'last4' in phone) matches.push({ column: 'phone_last4', value: phone.last4 });
  if (phone && 'full' in phone && keys) matches.push({ column: 'phone_hmac', value: phoneLookup(keys, phone.full) });
  if (idNumber && keys) matches.push({ column: 'id_number_hmac', value: idNumberLookup(keys, text) });
  return matches;
}
