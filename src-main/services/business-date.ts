/**
 * The business date: the property's trading day, kept as state in the `setting` row
 * 'businessDate' — written at setup (the property's calendar date then; desks set up before that
 * got it from migration 10), moved only by the night audit, one day per run, and synced like any
 * other row, so every desk of the property shows the same one. The rules about it are pure
 * functions in src-shared/rules/business-day.ts.
 */
import type { Kysely } from 'kysely';
import type { BusinessDayStatus } from '@shared/contract';
import { auditPlan, businessDateLag, calendarDate, lagsBehind } from '@shared/rules/business-day';
import type { Database } from '../db/schema';
import { loadProperty } from './auth/session-info';
import { readSetting, writeSetting } from './settings/values';

export async function businessDate(db: Kysely<Database>, now: Date): Promise<string> {
  const date = await readSetting(db, 'businessDate');
  if (date !== undefined) return date;
  // Only on a desk that joined a property whose server has no business date yet (founded before it
  // was state, no audit since): the property's calendar date, until the first audit sets it.
  return calendarDate(now, (await loadProperty(db)).timeZone);
}

export async function setBusinessDate(db: Kysely<Database>, date: string): Promise<void> {
  await writeSetting(db, 'businessDate', date);
}

/** The business date against the property's calendar now, and what an audit run now would do. */
export async function businessDayStatus(db: Kysely<Database>, now: Date): Promise<BusinessDayStatus> {
  const { timeZone } = await loadProperty(db);
  const open = await businessDate(db, now);
  const plan = auditPlan(open, now, timeZone);
  const lagDays = businessDateLag(open, now, timeZone);
  return {
    businessDate: open,
    calendarDate: calendarDate(now, timeZone),
    lagDays,
    lagging: lagsBehind(open, now, timeZone),
    audit: { closes: plan.closes, endsAt: plan.endsAt, early: plan.early, notStarted: plan.notStarted },
  };
}
