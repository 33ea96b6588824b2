/**
 * The archive's write rules (issue 15). A document is filed by the actor from the pushing desk,
 * of the tier its operation files, with its first file beside it; a contract gains versions (new
 * files) and metadata edits, never another tier. A file is immutable once filed: no operation
 * updates its chunks, size, key or anything else, and each is inserted by the actor from the
 * pushing desk. A download allowance is the requester's own (held for approval; the server's
 * approval check applies), used once by the person it names. A work record is archived by the
 * pushing desk (by the actor, or by the desk's own month-end job as `system` through
 * job.changes) and deleted by the actor (past its retention by the business date: the server checks
 * its own). The property's archive policy is the
 * `archive.policy` setting, a valid policy.
 *
 * What the rows alone cannot show — the chunk count against the size, the property's key id, the
 * size limit and naming rule of the stored policy, who holds which permission, a record's retention
 * against the business date — the server checks
 * against its own rows (src-server/sync/derived/archive.ts).
 */
import { archivePolicySchema } from '../../contract/archive';
import { all, byActor, equals, fromDesk, namedByInput, partOfWritten, present, wasOneOf } from './checks';
import type { RowCheck, TableRule, WriteRule } from './types';

const NO_CONTRACT = ['counterparty', 'project', 'contract_no', 'amount_fen', 'signed_on', 'effective_on', 'expires_on'];
const NO_SUBJECT = ['subject_type', 'subject_id'];
const NO_RECORD = ['period', 'record_kind', 'retain_until'];

const nulls = (columns: readonly string[]): RowCheck[] => columns.map((column) => equals(column, null));

/** A document as filed: live, from the pushing desk. */
const filedHere = all(fromDesk('device'), equals('deleted_at', null), equals('deleted_by', null));

/** A file's row as inserted: from the pushing desk, by `uploader`. */
const newFile = (...checks: RowCheck[]): TableRule => ({ insert: [fromDesk('device'), ...checks] });

/** The first file of the document this same change files. */
const firstFileBy = (uploader: RowCheck): TableRule =>
  newFile(uploader, partOfWritten('document_id', 'archive_document'), equals('version', 1));

/** The allowance was used before it expired. */
const usedInTime: RowCheck = (row) =>
  typeof row.used_at === 'string' && typeof row.expires_at === 'string' && row.used_at <= row.expires_at
    ? null
    : 'the allowance has expired';

/** The setting's value is a valid archive policy. */
const validPolicy: RowCheck = (row) => {
  try {
    return archivePolicySchema.safeParse(JSON.parse(String(row.value_json))).success ? null : 'not a valid policy';
  } catch {
    return 'not a valid policy';
  }
};

const CONTRACT_COLUMNS = [
  'name',
  'counterparty',
  'project',
  'contract_no',
  'amount_fen',
  'signed_on',
  'effective_on',
  'expires_on',
  'status',
  'tags_json',
];

/** A work record's document: the pushing desk's, of the month it names. */
const recordDocument = (...checks: RowCheck[]): TableRule => ({
  insert: [
    ...filedHere,
    equals('tier', 'record'),
    present('period'),
    present('record_kind'),
    present('retain_until'),
    ...nulls(NO_CONTRACT),
    ...nulls(NO_SUBJECT),
    equals('status', null),
    ...checks,
  ],
});

/** Rows the desk's own month-end job may send as job.changes: its work records, filed by `system`. */
export const archiveJobRules: WriteRule = {
  archive_document: recordDocument(equals('created_by', 'system')),
  archive_file: firstFileBy(equals('uploaded_by', 'system')),
};

export const archiveRules: Record<string, WriteRule> = {
  'archive.contracts.add': {
    archive_document: {
      insert: [
        ...filedHere,
        byActor('created_by'),
        equals('tier', 'contract'),
        namedByInput('contract_no', 'contractNo'),
        ...nulls(NO_SUBJECT),
        ...nulls(NO_RECORD),
      ],
    },
    archive_file: firstFileBy(byActor('uploaded_by')),
  },
  // A new version of the contract the input names (the server checks it is a live contract).
  'archive.contracts.addVersion': {
    archive_file: newFile(byActor('uploaded_by'), namedByInput('document_id', 'id')),
  },
  'archive.contracts.update': {
    archive_document: {
      update: {
        columns: CONTRACT_COLUMNS,
        checks: [namedByInput('id', 'id'), equals('tier', 'contract'), equals('deleted_at', null)],
      },
    },
  },
  'archive.attach': {
    archive_document: {
      insert: [
        ...filedHere,
        byActor('created_by'),
        equals('tier', 'customer'),
        namedByInput('subject_type', 'subjectType'),
        namedByInput('subject_id', 'subjectId'),
        namedByInput('name', 'title'),
        ...nulls(NO_CONTRACT),
        ...nulls(NO_RECORD),
        equals('status', null),
      ],
    },
    archive_file: firstFileBy(byActor('uploaded_by')),
  },
  'archive.allowDownload': {
    archive_grant: {
      insert: [
        byActor('staff_id'),
        fromDesk('device'),
        namedByInput('file_id', 'fileId'),
        namedByInput('reason', 'reason'),
        equals('used_at', null),
      ],
    },
  },
  'archive.download': {
    archive_grant: {
      update: {
        columns: ['used_at'],
        checks: [
          namedByInput('file_id', 'fileId'),
          byActor('staff_id'),
          wasOneOf('used_at', [null]),
          present('used_at'),
          usedInTime,
        ],
      },
    },
  },
  'archive.records.archiveMonth': {
    archive_document: recordDocument(byActor('created_by'), namedByInput('period', 'month')),
    archive_file: firstFileBy(byActor('uploaded_by')),
  },
  'archive.records.delete': {
    archive_document: {
      update: {
        columns: ['deleted_at', 'deleted_by'],
        checks: [
          namedByInput('id', 'id'),
          equals('tier', 'record'),
          wasOneOf('deleted_at', [null]),
          present('deleted_at'),
          byActor('deleted_by'),
          present('retain_until'),
        ],
      },
    },
  },
  'archive.setPolicy': {
    setting: {
      insert: [equals('key', 'archive.policy'), validPolicy],
      update: { columns: ['value_json'], checks: [equals('key', 'archive.policy'), validPolicy] },
    },
  },
};
