/**
 * An intent's personal fields (phones, ID numbers: each operation's `personal` paths) travel in
 * its outbox row and its push sealed under the property key, never in clear: the outbox lives in
 * the desk's database and its backups. The desk opens them again only to run the intent again on
 * a rebase. Writing one needs the key (VAULT_LOCKED otherwise, and the mutation changes nothing).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { open, seal } from '../../vault/crypto';
import type { PropertyKeys } from '../../vault/vault';
import type { Services } from '../desk-services';
import { replaceFields } from './redact';

const SEALED = 'sealed:';
const CONTEXT = 'intent.personal';

type Paths = readonly string[] | undefined;

/** The property's keys when some field at `paths` is a string that `needs` them; null otherwise. */
async function keysIfNeeded(
  services: Services,
  db: Kysely<Database>,
  input: unknown,
  paths: Paths,
  needs: (value: string) => boolean,
): Promise<PropertyKeys | null> {
  let found = false;
  replaceFields(input, paths, (value) => {
    if (typeof value === 'string' && needs(value)) found = true;
    return value;
  });
  return found ? services.vault.open(db) : null;
}

export async function sealPersonal(
  services: Services,
  db: Kysely<Database>,
  input: unknown,
  paths: Paths,
): Promise<unknown> {
  const keys = await keysIfNeeded(services, db, input, paths, () => true);
  if (!keys) return input;
  return replaceFields(input, paths, (value) =>
    typeof value === 'string'
      ? SEALED + seal(keys.key('field'), Buffer.from(value, 'utf8'), CONTEXT).toString('base64')
      : value,
  );
}

export async function openPersonal(
  services: Services,
  db: Kysely<Database>,
  input: unknown,
  paths: Paths,
): Promise<unknown> {
  const keys = await keysIfNeeded(services, db, input, paths, (value) => value.startsWith(SEALED));
  if (!keys) return input;
  return replaceFields(input, paths, (value) => {
    if (typeof value !== 'string' || !value.startsWith(SEALED)) return value;
    const plain = open(keys.key('field'), Buffer.from(value.slice(SEALED.length), 'base64'), CONTEXT);
    if (!plain) throw new Error(`an intent's personal field does not open under this property's key`);
    return plain.toString('utf8');
  });
}
