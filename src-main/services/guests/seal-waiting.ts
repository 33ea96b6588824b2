/**
 * Phones and ID numbers written before fields were sealed wait in clear in `guest_unsealed` and
 * `ticket_visitor_unsealed` (migration 15) until this desk holds the property key. Then, in one
 * transaction, each is sealed onto its guest or visitor (unless the row already holds a sealed
 * value, pulled from a desk that sealed it first; an erased guest's are dropped), the waiting
 * plaintext is deleted, and the sealed columns are queued as this desk's
 * own job, so the server and the other desks get them too. Run when the desk starts and when its
 * vault opens (vault.unlock, vault.create), inside that mutation's transaction.
 */
import type { Kysely } from 'kysely';
import { unbased, queueMutation } from '../outbox';
import type { Database } from '../../db/schema';
import { sealIdNumber, sealPhone, sealVisitorIdNumber } from '../../vault/guest-fields';
import type { PropertyKeys, Vault } from '../../vault/vault';
import { takeEffects, touchedMark } from '../../sync/effects';
import type { Clock } from '../clock';

async function sealGuests(db: Kysely<Database>, keys: PropertyKeys): Promise<void> {
  const waiting = await db
    .selectFrom('guest_unsealed')
    .innerJoin('guest', 'guest.id', 'guest_unsealed.guest_id')
    .select([
      'guest.id',
      'guest_unsealed.phone',
      'guest_unsealed.id_number',
      'guest.phone_sealed',
      'guest.id_number_sealed',
      'guest.erased_at',
    ])
    .execute();
  for (const row of waiting) {
    if (row.erased_at !== null) continue;
    const columns = {
      ...(row.phone !== null && row.phone_sealed === null && sealPhone(keys, row.phone)),
      ...(row.id_number !== null && row.id_number_sealed === null && sealIdNumber(keys, row.id_number)),
    };
    if (Object.keys(columns).length > 0) await db.updateTable('guest').set(columns).where('id', '=', row.id).execute();
  }
  await db.deleteFrom('guest_unsealed').execute();
}

async function sealVisitors(db: Kysely<Database>, keys: PropertyKeys): Promise<void> {
  const waiting = await db
    .selectFrom('ticket_visitor_unsealed')
    .innerJoin('ticket_visitor', 'ticket_visitor.id', 'ticket_visitor_unsealed.visitor_id')
    .select(['ticket_visitor.id', 'ticket_visitor_unsealed.id_number', 'ticket_visitor.id_number_sealed'])
    .execute();
  for (const row of waiting) {
    if (row.id_number_sealed === null)
      await db
        .updateTable('ticket_visitor')
        .set(sealVisitorIdNumber(keys, row.id_number))
        .where('id', '=', row.id)
        .execute();
  }
  await db.deleteFrom('ticket_visitor_unsealed').execute();
}

export async function sealWaitingGuests(
  db: Kysely<Database>,
  services: { device: { id: string }; clock: Clock; vault: Vault },
): Promise<void> {
  if ((await services.vault.state(db)) !== 'open') return;
  const count = async (table: 'guest_unsealed' | 'ticket_visitor_unsealed') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await count('guest_unsealed')) + (await count('ticket_visitor_unsealed')) === 0) return;
  const keys = await services.vault.open(db);
  const mark = await touchedMark(db);
  await sealGuests(db, keys);
  await sealVisitors(db, keys);
  const effects = (await takeEffects(db, mark)).map(({ effect }) => effect);
  if (effects.length > 0)
    await queueMutation(
      db,
      services.device.id,
      { name: 'job.changes', input: {}, actorId: null, approvalId: null },
      unbased(effects),
      services.clock.now(),
    );
}
