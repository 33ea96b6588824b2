/**
 * Reading archived documents as the contract shows them: a document row with its files, who
 * filed them, whether this desk holds their encrypted chunks, the signed-in person's unused
 * download allowance, and — by tier — the contract's metadata, the customer document's subject
 * or the work record's month and retention.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  VIEWABLE_TYPES,
  type ArchiveDocumentDetail,
  type ArchiveDocumentSummary,
  type ArchiveFileInfo,
} from '@shared/contract/archive';
import type { StaffRef } from '@shared/contract';
import { AppError } from '@shared/errors';
import { fromJson, toJson } from '@shared/json';
import type { ArchiveDocumentTable, Database } from '../../db/schema';
import { businessDate } from '../business-date';
import type { SignedInContext } from '../rpc/handler';
import { tierAccess } from './access';
import type { ArchiveFileRow } from './store';
import { subjectLabels } from './subjects';

export type DocumentRow = Selectable<ArchiveDocumentTable>;

type NewDocument = Insertable<ArchiveDocumentTable>;

/** A new document's row: what its tier sets over a row with no metadata, live, not yet on the server. */
export function newDocumentRow(
  given: Pick<NewDocument, 'id' | 'tier' | 'name' | 'created_by' | 'created_at' | 'device'> & Partial<NewDocument>,
): NewDocument {
  return {
    counterparty: null,
    project: null,
    contract_no: null,
    amount_fen: null,
    signed_on: null,
    effective_on: null,
    expires_on: null,
    status: null,
    tags_json: toJson([]),
    subject_type: null,
    subject_id: null,
    period: null,
    record_kind: null,
    retain_until: null,
    deleted_at: null,
    deleted_by: null,
    server_version: null,
    ...given,
  };
}

/** A document that is not deleted; NOT_FOUND otherwise. */
export async function liveDocument(db: Kysely<Database>, id: string): Promise<DocumentRow> {
  const row = await db
    .selectFrom('archive_document')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A file with its document, the document live; NOT_FOUND otherwise. */
export async function liveFile(
  db: Kysely<Database>,
  fileId: string,
): Promise<{ file: ArchiveFileRow; document: DocumentRow }> {
  const file = await db.selectFrom('archive_file').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!file) throw new AppError('NOT_FOUND');
  return { file, document: await liveDocument(db, file.document_id) };
}

async function staffNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

async function heldChunks(db: Kysely<Database>, files: readonly ArchiveFileRow[]): Promise<Set<string>> {
  const hashes = [...new Set(files.flatMap((file) => fromJson(file.chunks_json)))];
  const held = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('archive_chunk')
      .select('hash')
      .where('hash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const row of rows) held.add(row.hash);
  }
  return held;
}

/** The latest expiry of the person's unused, unexpired download allowances, by file. */
async function allowances(
  db: Kysely<Database>,
  staffId: string,
  fileIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('archive_grant')
    .select(['file_id', 'expires_at'])
    .where('staff_id', '=', staffId)
    .where('file_id', 'in', [...new Set(fileIds)])
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .execute();
  const until = new Map<string, string>();
  for (const row of rows) if ((until.get(row.file_id) ?? '') < row.expires_at) until.set(row.file_id, row.expires_at);
  return until;
}

function isViewable(mediaType: string): boolean {
  return (VIEWABLE_TYPES as readonly string[]).includes(mediaType);
}

/**
 * The documents as the contract shows them, in the order given, each with every version of its
 * files (newest first) for the detail; documents without a file are left out.
 */
async function describe(
  ctx: Pick<SignedInContext, 'db' | 'now' | 'session'>,
  rows: readonly DocumentRow[],
): Promise<{ summary: ArchiveDocumentSummary; files: ArchiveFileInfo[] }[]> {
  if (rows.length === 0) return [];
  const { db, now } = ctx;
  const files: ArchiveFileRow[] = [];
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += 500)
    files.push(
      ...(await db
        .selectFrom('archive_file')
        .selectAll()
        .where('document_id', 'in', ids.slice(i, i + 500))
        .orderBy('version', 'desc')
        .execute()),
    );
  const names = await staffNames(db, [...rows.map((row) => row.created_by), ...files.map((file) => file.uploaded_by)]);
  const ref = (id: string): StaffRef => ({ id, name: names.get(id) ?? id });
  const held = await heldChunks(db, files);
  const until = await allowances(
    db,
    ctx.session.staffId,
    files.map((file) => file.id),
    now,
  );
  const labels = await subjectLabels(
    db,
    rows.flatMap((row) => (row.subject_type && row.subject_id ? [{ type: row.subject_type, id: row.subject_id }] : [])),
  );
  const today = rows.some((row) => row.tier === 'record') ? await businessDate(db, now) : '';

  const info = (file: ArchiveFileRow, tier: DocumentRow['tier']): ArchiveFileInfo => ({
    id: file.id,
    version: file.version,
    fileName: file.file_name,
    mediaType: file.media_type,
    size: file.size,
    sha256: file.sha256,
    viewable: tier === 'record' || isViewable(file.media_type),
    onThisDesk: fromJson(file.chunks_json).every((hash) => held.has(hash)),
    uploadedBy: ref(file.uploaded_by),
    uploadedAt: file.uploaded_at,
    downloadAllowedUntil: until.get(file.id) ?? null,
  });

  return rows.flatMap((row) => {
    const versions = files.filter((file) => file.document_id === row.id).map((file) => info(file, row.tier));
    const latest = versions[0];
    if (!latest) return [];
    const summary: ArchiveDocumentSummary = {
      id: row.id,
      tier: row.tier,
      name: row.name,
      contract:
        row.tier === 'contract'
          ? {
              name: row.name,
              counterparty: row.counterparty ?? '',
              project: row.project ?? '',
              contractNo: row.contract_no ?? '',
              amountFen: row.amount_fen,
              signedOn: row.signed_on,
              effectiveOn: row.effective_on,
              expiresOn: row.expires_on,
              status: row.status ?? 'in_force',
              tags: fromJson(row.tags_json),
            }
          : null,
      subject:
        row.tier === 'customer' && row.subject_type && row.subject_id
          ? {
              type: row.subject_type,
              id: row.subject_id,
              label: labels.get(`${row.subject_type}:${row.subject_id}`) ?? '',
            }
          : null,
      record:
        row.tier === 'record'
          ? {
              period: row.period ?? '',
              kind: row.record_kind ?? 'reports',
              // A record's name is "month · desk code · kind" (./records.ts).
              deskCode: row.name.split(' · ')[1] ?? '',
              retainUntil: row.retain_until ?? '',
              pastRetention: row.retain_until !== null && today > row.retain_until,
            }
          : null,
      latest,
      versions: versions.length,
      createdBy: ref(row.created_by),
      createdAt: row.created_at,
    };
    return [{ summary, files: versions }];
  });
}

export async function summaries(
  ctx: Pick<SignedInContext, 'db' | 'now' | 'session'>,
  rows: readonly DocumentRow[],
): Promise<ArchiveDocumentSummary[]> {
  return (await describe(ctx, rows)).map((described) => described.summary);
}

export async function detail(ctx: SignedInContext, row: DocumentRow): Promise<ArchiveDocumentDetail> {
  const [described] = await describe(ctx, [row]);
  if (!described) throw new AppError('NOT_FOUND');
  return { ...described.summary, files: described.files, ...(await tierAccess(ctx, row.tier)) };
}
