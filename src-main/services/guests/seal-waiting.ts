/**
 * Phones and ID numbers written before fields were sealed wait in clear in `guest_unsealed`
 * (migration 15) until this desk holds the property key. Then, in one transaction, each is sealed
 * onto its guest (unless the guest already holds a sealed value, pulled from a desk that sealed
 * it first), the waiting plaintext is deleted, and the sealed columns are queued as this desk's
 * own job, so the server and the other desks get them too. Run when the desk starts and when its
 * vault opens (vault.unlock, vault.create), inside that mutation's transaction.
 */
import type { Kysely } from 'kysely';
import { unbased, queueMutation } from '../outbox';
import type { Database } from '../../db/schema';
import { sealIdNumber, sealPhone } from '../../vault/guest-fields';
import { takeEffects, touchedMark } from '../../sync/effects';
import type { Services } from '../services';

export async function sealWaitingGuests(db: Kysely<Database>, services: Pick<Services, 'device' | 'clock' | 'vault'>): Promise<number> {
  if ((await services.vault.state(db)) !== 'open') return 0;
  const waiting = await db
    .selectFrom('guest_unsealed')
    .innerJoin('guest', 'guest.id', 'guest_unsealed.guest_id')
    .select(['guest.id', 'guest_unsealed.phone', 'guest_unsealed.id_number', 'guest.phone_sealed', 'guest.id_number_sealed', 'guest.erased_at'])
    .execute();
  if (waiting.length === 0) return 0;
  const keys = await services.vault.open(db);
  const mark = await touchedMark(db);
  for (const row of waiting) {
    if (row.erased_at !== null) continue;
    const columns = {
      ...(row.phone !== null && row.phone_sealed === null && sealPhone(keys, row.phone)),
      ...(row.id_number !== null && row.id_number_sealed === null && sealIdNumber(keys, row.id_number)),
    };
    if (Object.keys(columns).length > 0) await db.updateTable('guest').set(columns).where('id', '=', row.id).execute();
  }
  await db.deleteFrom('guest_unsealed').where('guest_id', 'in', waiting.map((row) => row.id)).execute();
  const effects = (await takeEffects(db, mark)).map(({ effect }) => effect);
  if (effects.length > 0) await queueMutation(db, services.device.id, { name: 'job.changes', input: {}, actorId: null, approvalId: null }, unbased(effects), services.clock.now());
  return waiting.length;
}
