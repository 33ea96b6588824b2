/**
 * Archive rows checked against the server's own data, never the desk's word (issue 15): a filed
 * file's chunk list fits its size, its data key is wrapped under the property's key, its type and
 * size are what the stored policy allows for its tier, its document is live (and, for a new
 * version, a contract), and the uploader holds the tier's permission in the stored matrix; a
 * contract's name follows the stored naming rule and no other contract has it in any letter case;
 * a download allowance goes to someone who may read the tier; a work record is deleted only past
 * its retention by the property's business date.
 */
import {
  ARCHIVE_FILE_PERMISSION,
  ARCHIVE_GRANT_HOURS,
  ARCHIVE_READ_PERMISSION,
  ARCHIVE_TIERS,
  DEFAULT_ARCHIVE_POLICY,
  UPLOADABLE_TYPES,
  type ArchivePolicy,
  type ArchiveTier,
} from '@shared/contract/archive';
import { isRole, type Permission } from '@shared/permissions';
import { checkContractName, contractNameKey, normalizeContractName } from '@shared/rules/archive-naming';
import type { SyncedSettings } from '@shared/settings';
import { localDateOf } from '@shared/time';
import type { SyncRow } from '@shared/sync/tables';
import { isActiveStaff, type Rejection } from '../authority';
import { inputOf, type Derivation } from './facts';

const MIB = 1024 * 1024;

/** The desk's own month-end job files work records as this (src-main/services/archive/month-end.ts). */
const SYSTEM = 'system';

/** What a work record's file may be: the JSON (or CSV) the desk made. */
const RECORD_TYPES: readonly string[] = ['application/json', 'text/csv'];

const notAllowed = (detail: string): Rejection => ({ reason: 'WRITE_NOT_ALLOWED', detail: detail.slice(0, 300) });

function isTier(value: unknown): value is ArchiveTier {
  return (ARCHIVE_TIERS as readonly unknown[]).includes(value);
}

/** Whether the staff member is active and their role holds the permission in the server's matrix. */
async function holds(d: Derivation, staffId: unknown, permission: Permission): Promise<boolean> {
  const staff = typeof staffId === 'string' ? await d.facts.row('staff', staffId) : null;
  if (!isActiveStaff(staff) || !isRole(String(staff.role))) return false;
  return (await d.facts.row('role_permission', JSON.stringify([staff.role, permission]))) !== null;
}

/** The stored archive policy over the defaults (a property that never set one has the defaults). */
async function policyOf(d: Derivation): Promise<ArchivePolicy> {
  const stored = await d.facts.setting('archive.policy');
  return { ...DEFAULT_ARCHIVE_POLICY, ...(stored && typeof stored === 'object' ? stored : {}) };
}

/** A document as this mutation leaves it, else as the server holds it (null: neither, or deleted). */
async function documentOf(d: Derivation, id: unknown): Promise<SyncRow | null> {
  if (typeof id !== 'string') return null;
  const written = d.rows.written('archive_document').get(id);
  const row = (written ?? (await d.facts.row('archive_document', id))) as SyncRow | null;
  return row && row.deleted_at == null ? row : null;
}

function parsedChunks(file: SyncRow): unknown[] | null {
  try {
    const chunks: unknown = JSON.parse(String(file.chunks_json));
    return Array.isArray(chunks) ? chunks : null;
  } catch {
    return null;
  }
}

/** Every archive_file the mutation inserts, against the server's rows. */
export async function checkFiles(d: Derivation): Promise<Rejection | null> {
  const files = d.rows.inserted('archive_file') as SyncRow[];
  if (files.length === 0) return null;
  const property = await d.facts.row('property', d.facts.propertyId);
  const policy = await policyOf(d);
  for (const file of files) {
    const what = `archive_file ${String(file.id)}`;
    const size = Number(file.size);
    const chunkSize = Number(file.chunk_size);
    const chunks = parsedChunks(file);
    if (chunks === null || chunks.length !== Math.max(1, Math.ceil(size / chunkSize)))
      return notAllowed(`${what}: ${chunks?.length ?? 0} chunks for ${size} bytes`);
    if (!property?.key_id || file.key_id !== property.key_id)
      return notAllowed(`${what}: key_id ${String(file.key_id)} is not the property's key`);
    const document = await documentOf(d, file.document_id);
    if (!document || !isTier(document.tier)) return notAllowed(`${what}: no live document ${String(file.document_id)}`);
    const tier = document.tier;
    if (d.mutation.name === 'archive.contracts.addVersion' && tier !== 'contract')
      return notAllowed(`${what}: ${String(file.document_id)} is not a contract`);
    if (document.tier !== 'record' && !(UPLOADABLE_TYPES as readonly unknown[]).includes(file.media_type))
      return notAllowed(`${what}: media type ${String(file.media_type)} is not allowed`);
    if (document.tier === 'record' && !RECORD_TYPES.includes(String(file.media_type)))
      return notAllowed(`${what}: media type ${String(file.media_type)} is not a work record's`);
    if (tier !== 'record' && size > policy.maxFileMb * MIB)
      return notAllowed(`${what}: ${size} bytes is over the policy's ${policy.maxFileMb} MB`);
    // The month-end job's records are the desk's own (the write rule holds job.changes to work records).
    const byJob = d.mutation.name === 'job.changes' && tier === 'record' && file.uploaded_by === SYSTEM;
    if (!byJob && !(await holds(d, file.uploaded_by, ARCHIVE_FILE_PERMISSION[tier])))
      return notAllowed(`${what}: uploaded_by ${String(file.uploaded_by)} may not file into ${tier}`);
  }
  return null;
}

/** A contract's name, as filed or edited, follows the stored naming rule and is stored normalized. */
export async function checkContractNames(d: Derivation): Promise<Rejection | null> {
  const contracts = [...d.rows.written('archive_document').values()].filter((row) => row.tier === 'contract');
  if (contracts.length === 0) return null;
  const { naming } = await policyOf(d);
  for (const row of contracts) {
    const name = String(row.name);
    const check = checkContractName(naming, name, {
      project: String(row.project ?? ''),
      contractNo: String(row.contract_no ?? ''),
      signedOn: typeof row.signed_on === 'string' ? row.signed_on : null,
      effectiveOn: typeof row.effective_on === 'string' ? row.effective_on : null,
    });
    if (!check.ok || normalizeContractName(name) !== name)
      return notAllowed(`archive_document ${String(row.id)}: name ${name} does not follow the rule ${naming}`);
    // Unique among contracts in any letter case (the table's own key compares names exactly).
    const others = await d.facts.mentioning('archive_document', 'tier', 'contract');
    const key = contractNameKey(name);
    const taken = others.find(({ row: other }) => other.id !== row.id && contractNameKey(String(other.name)) === key);
    if (taken)
      return { reason: 'DUPLICATE', detail: `archive_document:contract|${String(taken.row.name)}`.slice(0, 300) };
  }
  return null;
}

/** A download allowance goes to someone who may read the tier of its file. */
export async function checkGrants(d: Derivation): Promise<Rejection | null> {
  for (const grant of d.rows.inserted('archive_grant') as SyncRow[]) {
    const file = typeof grant.file_id === 'string' ? await d.facts.row('archive_file', grant.file_id) : null;
    const document = file ? await documentOf(d, file.document_id) : null;
    if (!document || !isTier(document.tier)) return notAllowed(`archive_grant: no live file ${String(grant.file_id)}`);
    // The allowance's window is the server's rule, not the desk's word: granted when the mutation ran, for the hours allowed.
    const granted = Date.parse(String(grant.granted_at));
    const expires = Date.parse(String(grant.expires_at));
    if (
      granted > Date.parse(d.mutation.at) ||
      !(expires > granted) ||
      expires - granted > ARCHIVE_GRANT_HOURS * 3_600_000
    )
      return notAllowed(`archive_grant: allowed from ${String(grant.granted_at)} to ${String(grant.expires_at)}`);
    if (!(await holds(d, grant.staff_id, ARCHIVE_READ_PERMISSION[document.tier])))
      return notAllowed(`archive_grant: staff_id ${String(grant.staff_id)} may not read ${document.tier}`);
  }
  return null;
}

/** The business date as the desk reckons it: the night audit's setting, or the date of `at` in the property's zone. */
async function businessDate(d: Derivation): Promise<string> {
  const stored: SyncedSettings['businessDate'] | undefined = await d.facts.setting('businessDate');
  return typeof stored === 'string' ? stored : localDateOf(d.mutation.at, await d.facts.timeZone());
}

/** A work record is deleted only past its retention by the server's business date. */
export async function checkRetention(d: Derivation): Promise<Rejection | null> {
  const deleted = d.rows
    .updated('archive_document')
    .filter(({ before, after }) => before.deleted_at == null && after.deleted_at != null);
  if (deleted.length === 0) return null;
  const today = await businessDate(d);
  for (const { after } of deleted) {
    const until = after.retain_until;
    if (typeof until !== 'string' || !(today > until))
      return notAllowed(`archive_document ${String(after.id)}: retention runs until ${String(until)}`);
  }
  return null;
}

/**
 * A guest's erasure deletes customer documents about that guest only: attached to the guest, or
 * to a booking or complaint of the guest by the server's own rows.
 */
export async function checkErasedDocuments(d: Derivation): Promise<Rejection | null> {
  const guestId = inputOf(d.mutation).id;
  for (const { after } of d.rows.updated('archive_document')) {
    const subject =
      after.subject_type === 'guest'
        ? { guest_id: after.subject_id }
        : after.subject_type === 'booking' || after.subject_type === 'complaint'
          ? await d.facts.row(after.subject_type, String(after.subject_id))
          : null;
    if (after.tier !== 'customer' || typeof guestId !== 'string' || subject?.guest_id !== guestId)
      return notAllowed(`archive_document ${String(after.id)} is not a document of guest ${String(guestId)}`);
  }
  return null;
}
