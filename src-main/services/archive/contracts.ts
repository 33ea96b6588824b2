/**
 * Tier-1 contracts (合同档案): filing a contract with its first version, adding versions (the
 * earlier ones stay), editing the metadata (never the files), the list and the expiry reminder.
 * The name follows the property's naming rule (src-shared/rules/archive-naming.ts) and is unique
 * among contracts, deleted ones included (the table's unique index holds them too).
 */
import type { Kysely } from 'kysely';
import type { ArchivePolicy, ContractFields } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import { fromJson, toJson } from '@shared/json';
import { checkContractName, contractNameKey, normalizeContractName } from '@shared/rules/archive-naming';
import { addDays } from '@shared/rules/stay';
import type { Database } from '../../db/schema';
import { businessDate } from '../business-date';
import { newId } from '../made';
import type { HandlerMap, SignedInContext } from '../rpc/handler';
import { requireSeeing } from './access';
import { detail, liveDocument, newDocumentRow, summaries, type DocumentRow } from './documents';
import { archivePolicy } from './policy';
import type { FiledUpload } from './sessions';
import { takeUpload } from './uploads';

type NameFields = Pick<ContractFields, 'name' | 'project' | 'contractNo' | 'signedOn' | 'effectiveOn'>;

/** The name as stored: following the rule (ARCHIVE_NAME_INVALID) and no other contract's (ARCHIVE_NAME_TAKEN). */
async function checkedName(
  db: Kysely<Database>,
  policy: ArchivePolicy,
  fields: NameFields,
  exceptId: string | null,
): Promise<string> {
  const name = normalizeContractName(fields.name);
  const check = checkContractName(policy.naming, name, fields);
  if (!check.ok) throw new AppError('ARCHIVE_NAME_INVALID', { rule: policy.naming, example: check.suggestion });
  const key = contractNameKey(name);
  const others = await db
    .selectFrom('archive_document')
    .select(['id', 'name'])
    .where('tier', '=', 'contract')
    .execute();
  if (others.some((other) => other.id !== exceptId && contractNameKey(other.name) === key))
    throw new AppError('ARCHIVE_NAME_TAKEN', { name });
  return name;
}

function contractColumns(fields: ContractFields) {
  return {
    name: fields.name,
    counterparty: fields.counterparty,
    project: fields.project,
    contract_no: fields.contractNo,
    amount_fen: fields.amountFen,
    signed_on: fields.signedOn,
    effective_on: fields.effectiveOn,
    expires_on: fields.expiresOn,
    status: fields.status,
    tags_json: toJson(fields.tags),
  };
}

/** A contract's metadata as the audit trail keeps it (no file content, ever). */
function auditedFields(row: DocumentRow) {
  return {
    name: row.name,
    counterparty: row.counterparty,
    project: row.project,
    contractNo: row.contract_no,
    amountFen: row.amount_fen,
    signedOn: row.signed_on,
    effectiveOn: row.effective_on,
    expiresOn: row.expires_on,
    status: row.status,
    tags: fromJson(row.tags_json),
  };
}

/** Files a complete upload as `version` of a document: its row names only ciphertext and the wrapped key. */
export async function insertFile(
  ctx: SignedInContext,
  documentId: string,
  version: number,
  upload: FiledUpload,
): Promise<{ fileId: string; version: number; fileName: string; size: number; sha256: string }> {
  await ctx.db
    .insertInto('archive_file')
    .values({
      ...upload.sealed,
      document_id: documentId,
      version,
      file_name: upload.fileName,
      media_type: upload.mediaType,
      uploaded_by: ctx.session.staffId,
      uploaded_at: ctx.now.toISOString(),
      device: ctx.device.id,
      server_version: null,
    })
    .execute();
  const { id, size, sha256 } = upload.sealed;
  return { fileId: id, version, fileName: upload.fileName, size, sha256 };
}

async function liveContract(db: Kysely<Database>, id: string): Promise<DocumentRow> {
  const row = await liveDocument(db, id);
  if (row.tier !== 'contract') throw new AppError('NOT_FOUND');
  return row;
}

function matches(row: DocumentRow, query: string): boolean {
  if (!query) return true;
  const needle = contractNameKey(query);
  return [row.name, row.counterparty, row.project, row.contract_no, ...fromJson(row.tags_json)].some(
    (value) => value !== null && contractNameKey(value).includes(needle),
  );
}

export const contractHandlers: HandlerMap<
  | 'archive.listContracts'
  | 'archive.expiring'
  | 'archive.contracts.add'
  | 'archive.contracts.addVersion'
  | 'archive.contracts.update'
> = {
  'archive.listContracts': async (ctx, { query, status }) => {
    await requireSeeing(ctx, 'contract');
    const today = await businessDate(ctx.db, ctx.now);
    const expired = (row: DocumentRow) =>
      row.status === 'in_force' && row.expires_on !== null && row.expires_on < today;
    const rows = await ctx.db
      .selectFrom('archive_document')
      .selectAll()
      .where('tier', '=', 'contract')
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return summaries(
      ctx,
      rows.filter(
        (row) =>
          matches(row, query) &&
          (status === 'all' ||
            (status === 'expired' ? expired(row) : row.status === status && !(status === 'in_force' && expired(row)))),
      ),
    );
  },

  'archive.expiring': async (ctx) => {
    const today = await businessDate(ctx.db, ctx.now);
    const { expiryReminderDays } = await archivePolicy(ctx.db);
    const rows = await ctx.db
      .selectFrom('archive_document')
      .selectAll()
      .where('tier', '=', 'contract')
      .where('deleted_at', 'is', null)
      .where('status', '=', 'in_force')
      .where('expires_on', '>=', today)
      .where('expires_on', '<=', addDays(today, expiryReminderDays))
      .orderBy('expires_on')
      .orderBy('name')
      .execute();
    return summaries(ctx, rows);
  },

  'archive.contracts.add': async (ctx, { uploadId, ...fields }) => {
    const upload = await takeUpload(ctx, uploadId, 'contract');
    const name = await checkedName(ctx.db, await archivePolicy(ctx.db), fields, null);
    const id = newId();
    await ctx.db
      .insertInto('archive_document')
      .values(
        newDocumentRow({
          id,
          tier: 'contract',
          ...contractColumns({ ...fields, name }),
          created_by: ctx.session.staffId,
          created_at: ctx.now.toISOString(),
          device: ctx.device.id,
        }),
      )
      .execute();
    const file = await insertFile(ctx, id, 1, upload);
    const row = await liveContract(ctx.db, id);
    ctx.audit({ entityType: 'archive_document', entityId: id, after: { ...auditedFields(row), file } });
    return detail(ctx, row);
  },

  'archive.contracts.addVersion': async (ctx, { id, uploadId }) => {
    const row = await liveContract(ctx.db, id);
    const upload = await takeUpload(ctx, uploadId, 'contract');
    const { latest } = await ctx.db
      .selectFrom('archive_file')
      .select((eb) => eb.fn.max<number>('version').as('latest'))
      .where('document_id', '=', id)
      .executeTakeFirstOrThrow();
    const file = await insertFile(ctx, id, (latest ?? 0) + 1, upload);
    ctx.audit({
      entityType: 'archive_document',
      entityId: id,
      before: { name: row.name, versions: latest ?? 0 },
      after: { name: row.name, file },
    });
    return detail(ctx, row);
  },

  'archive.contracts.update': async (ctx, { id, ...fields }) => {
    const before = await liveContract(ctx.db, id);
    const name = await checkedName(ctx.db, await archivePolicy(ctx.db), fields, id);
    await ctx.db
      .updateTable('archive_document')
      .set(contractColumns({ ...fields, name }))
      .where('id', '=', id)
      .execute();
    const after = await liveContract(ctx.db, id);
    ctx.audit({
      entityType: 'archive_document',
      entityId: id,
      before: auditedFields(before),
      after: auditedFields(after),
    });
    return detail(ctx, after);
  },
};
