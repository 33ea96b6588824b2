/**
 * The desk's own month-end job: once a month has ended in the property's time zone, this desk
 * archives its work records of that month (./records.ts) — checked when the desk starts and then
 * hourly, so a desk that was off at midnight does it when it next runs. Nobody is signed in: the
 * rows are filed by `system`, the job writes its own audit entry, and what it wrote goes up as the
 * desk's `job.changes`. Archiving a month twice makes nothing (one record per month, desk and
 * kind). Nothing is done while the vault is not open (no key to seal with) or before setup.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { takeEffects, touchedMark } from '../../sync/effects';
import type { Vault } from '../../vault/vault';
import { appendAudit } from '../audit/chain';
import type { Clock } from '../clock';
import { queueMutation, unbased } from '../outbox';
import { archiveMonth, lastEndedMonth, monthSpan } from './records';

const HOUR_MS = 60 * 60 * 1000;

export interface MonthEndDesk {
  db: Kysely<Database>;
  clock: Clock;
  device: { id: string; code: string };
  vault: Vault;
}

/** Archives the last ended month's records of this desk if not yet done: the documents made (none if done). */
export async function runMonthEnd(desk: MonthEndDesk): Promise<string[]> {
  const now = desk.clock.now();
  const property = await desk.db.selectFrom('property').select('time_zone').executeTakeFirst();
  if (!property || (await desk.vault.state(desk.db)) !== 'open') return [];
  const month = lastEndedMonth(now, property.time_zone);
  const device = await desk.db.selectFrom('device').select('created_at').executeTakeFirstOrThrow();
  // A desk set up after the month ended has nothing of it to archive.
  if (monthSpan(month, property.time_zone).endsAt <= device.created_at) return [];
  return desk.db.transaction().execute(async (trx) => {
    const mark = await touchedMark(trx);
    const keys = await desk.vault.open(trx);
    const made = await archiveMonth({ db: trx, keys, device: desk.device, now, actorId: 'system' }, month);
    if (made.length === 0) return made;
    await appendAudit(trx, desk.vault.audit, {
      at: now,
      deviceId: desk.device.id,
      actor: null,
      operation: 'archive.records.monthEnd',
      outcome: 'ok',
      entityType: 'archive_records',
      entityId: month,
      detail: { after: { documents: made } },
    });
    const effects = (await takeEffects(trx, mark)).map(({ effect }) => effect);
    if (effects.length > 0)
      await queueMutation(
        trx,
        desk.device.id,
        { name: 'job.changes', input: {}, actorId: null, approvalId: null },
        unbased(effects),
        now,
      );
    return made;
  });
}

/** Runs the job now and then hourly; returns the function that stops it. */
export function startMonthEnd(desk: MonthEndDesk): () => void {
  const tick = () =>
    void runMonthEnd(desk).catch((error: unknown) => console.error('[archive] month-end records failed', error));
  tick();
  const timer = setInterval(tick, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
