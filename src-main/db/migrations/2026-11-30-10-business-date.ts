/**
 * Frozen: the business date becomes state. A desk set up before this held it only once a night
 * audit had run; until then it was "today in the property's zone" — which a night audit after
 * midnight closed a day too late. This writes it from that same logic (the audit's row if there is
 * one, otherwise the property's date now), and adds the approval policy's line for the night
 * audit: run before its date's calendar day has ended it is an early close, which a supervisor
 * confirms. Both rows are this desk's own and are not queued for sync: a property's server gets
 * the business date with the desk's next audit (or in the founding snapshot).
 */
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ mark: number | null }>`SELECT max(rowid) AS mark FROM sync_touched`.execute(db);
  const mark = rows[0]?.mark ?? 0;

  const property = (await db.selectFrom('property').select('time_zone').executeTakeFirst()) as
    { time_zone: string } | undefined;
  if (property) {
    const today = DateTime.now().setZone(property.time_zone).toISODate();
    await sql`INSERT OR IGNORE INTO setting (key, value_json) VALUES ('businessDate', ${JSON.stringify(today)})`.execute(
      db,
    );
  }
  await sql`INSERT OR IGNORE INTO approval_rule (operation, needs_approval, min_approver_role, approval_min_fen, dual_review, dual_review_min_fen)
    VALUES ('nightAudit.roll', 1, 'supervisor', NULL, 0, NULL)`.execute(db);

  await sql`DELETE FROM sync_touched WHERE rowid > ${mark}`.execute(db);
}
