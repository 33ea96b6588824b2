/**
 * Tier-3 work records (工作记录): a desk's month archived as read-only files once the month has
 * ended in the property's time zone — the reports submitted from this desk whose period ends in
 * the month (their frozen documents, one JSON file) and this desk's audit trail of the month (one
 * JSON file of the entries as the audit screen lists them, hashes included, so the chain can be
 * checked against them). Each kind of each month is archived once per desk (the table's unique
 * key on period, device and kind); a month with nothing still gets its record, an empty list, so a
 * supervisor sees the month was done. Records are kept until the month's last day plus the
 * policy's retention years; past that, by the business date, they may be deleted (with approval),
 * which also drops this desk's encrypted chunks no other live file names.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import {
  DEFAULT_ARCHIVE_POLICY,
  RECORD_KINDS,
  type ArchiveDocumentSummary,
  type RecordKind,
} from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { fromJson, toJson } from '@shared/json';
import { periodDates } from '@shared/rules/report-deadlines';
import { localDayStartUtc } from '@shared/time';
import type { Database } from '../../db/schema';
import type { PropertyKeys } from '../../vault/vault';
import { toEntry } from '../audit/handlers';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';
import { newId } from '../made';
import type { SignedInContext } from '../rpc/handler';
import { readSetting } from '../settings/values';
import { newDocumentRow, summaries, type DocumentRow } from './documents';
import { sealBuffer } from './store';

export const RECORD_MEDIA_TYPE = 'application/json';

/** The month's first and last local dates and the UTC instants it begins and ends at in `timeZone`. */
export function monthSpan(month: string, timeZone: string) {
  const first = `${month}-01`;
  const last = DateTime.fromISO(first, { zone: 'UTC' }).endOf('month').toISODate()!;
  const next = DateTime.fromISO(first, { zone: 'UTC' }).plus({ months: 1 }).toISODate()!;
  return { first, last, startsAt: localDayStartUtc(first, timeZone), endsAt: localDayStartUtc(next, timeZone) };
}

export function monthHasEnded(month: string, now: Date, timeZone: string): boolean {
  return now.toISOString() >= monthSpan(month, timeZone).endsAt;
}

/** The last month that has ended in `timeZone` (the month before the local one now). */
export function lastEndedMonth(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now).setZone(timeZone).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

/** The month's last day plus `years` (29 February kept to the 28th of a common year). */
export function retainUntil(month: string, years: number): string {
  const last = DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).endOf('month');
  return last.plus({ years }).toISODate()!;
}

/** The name a record is listed under: month, desk and kind (./documents.ts reads the desk's code back from it). */
export function recordName(month: string, deskCode: string, kind: RecordKind): string {
  return `${month} · ${deskCode} · ${kind}`;
}

async function submittedReports(db: Kysely<Database>, deviceId: string, month: string, last: string) {
  const rows = await db
    .selectFrom('report_submission')
    .leftJoin('staff', 'staff.id', 'report_submission.submitted_by')
    .selectAll('report_submission')
    .select('staff.display_name')
    .where('report_submission.device', '=', deviceId)
    .orderBy('report_submission.period')
    .orderBy('report_submission.kind')
    .execute();
  // As the report calendar counts them: a report belongs to the month its period ends in.
  return rows
    .filter((row) => {
      const dates = periodDates(row.kind, row.period);
      return dates !== null && dates.last >= `${month}-01` && dates.last <= last;
    })
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      period: row.period,
      submittedBy: { id: row.submitted_by, name: row.display_name ?? row.submitted_by },
      submittedAt: row.submitted_at,
      document: fromJson(row.document_json),
    }));
}

async function auditEntries(db: Kysely<Database>, deviceId: string, startsAt: string, endsAt: string) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('at', '>=', startsAt)
    .where('at', '<', endsAt)
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

export interface RecordWriter {
  db: Kysely<Database>;
  keys: PropertyKeys;
  device: { id: string; code: string };
  now: Date;
  /** Who files it: the signed-in person, or `system` for the desk's own month-end job. */
  actorId: string;
}

/**
 * Archives this desk's records of `month` that are not archived yet (ARCHIVE_MONTH_OPEN before the
 * month has ended): the ids of the documents made, none when both were there already.
 */
export async function archiveMonth(writer: RecordWriter, month: string): Promise<string[]> {
  const { db, device, now } = writer;
  const { timeZone } = await loadProperty(db);
  if (!monthHasEnded(month, now, timeZone)) throw new AppError('ARCHIVE_MONTH_OPEN', { month });
  const span = monthSpan(month, timeZone);
  const policy = (await readSetting(db, 'archive.policy')) ?? DEFAULT_ARCHIVE_POLICY;
  const done = await db
    .selectFrom('archive_document')
    .select('record_kind')
    .where('tier', '=', 'record')
    .where('period', '=', month)
    .where('device', '=', device.id)
    .execute();
  const made: string[] = [];
  for (const kind of RECORD_KINDS) {
    if (done.some((row) => row.record_kind === kind)) continue;
    const content =
      kind === 'reports'
        ? await submittedReports(db, device.id, month, span.last)
        : await auditEntries(db, device.id, span.startsAt, span.endsAt);
    const documentId = newId();
    const fileId = newId();
    const at = now.toISOString();
    const sealed = await sealBuffer(db, writer.keys, fileId, Buffer.from(toJson(content), 'utf8'), now);
    await db
      .insertInto('archive_document')
      .values(
        newDocumentRow({
          id: documentId,
          tier: 'record',
          name: recordName(month, device.code, kind),
          period: month,
          record_kind: kind,
          retain_until: retainUntil(month, policy.retentionYears),
          created_by: writer.actorId,
          created_at: at,
          device: device.id,
        }),
      )
      .execute();
    await db
      .insertInto('archive_file')
      .values({
        ...sealed,
        document_id: documentId,
        version: 1,
        file_name: `${kind}-${month}-${device.code}.json`,
        media_type: RECORD_MEDIA_TYPE,
        uploaded_by: writer.actorId,
        uploaded_at: at,
        device: device.id,
        server_version: null,
      })
      .execute();
    made.push(documentId);
  }
  return made;
}

/** A record's row, live; NOT_FOUND for another tier or a deleted record. */
export async function liveRecord(db: Kysely<Database>, id: string): Promise<DocumentRow> {
  const row = await db
    .selectFrom('archive_document')
    .selectAll()
    .where('id', '=', id)
    .where('tier', '=', 'record')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Whether a record is past its retention on `today` (the business date): kept through its last day. */
export function isPastRetention(row: Pick<DocumentRow, 'retain_until'>, today: string): boolean {
  return row.retain_until !== null && today > row.retain_until;
}

/** ARCHIVE_RETENTION_RUNNING unless the record is past its retention on the business date. */
export async function checkPastRetention(db: Kysely<Database>, row: DocumentRow, now: Date): Promise<void> {
  if (!isPastRetention(row, await businessDate(db, now)))
    throw new AppError('ARCHIVE_RETENTION_RUNNING', { until: row.retain_until ?? '' });
}

/** Work records of every desk, newest month first, each with its file and whether it is past retention. */
export async function listRecords(
  ctx: Pick<SignedInContext, 'db' | 'now' | 'session'>,
): Promise<ArchiveDocumentSummary[]> {
  const rows = await ctx.db
    .selectFrom('archive_document')
    .selectAll()
    .where('tier', '=', 'record')
    .where('deleted_at', 'is', null)
    .orderBy('period', 'desc')
    .orderBy('name')
    .execute();
  return summaries(ctx, rows);
}
