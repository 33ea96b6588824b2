/**
 * The document archive (issue 15), in three tiers:
 * - contracts (合同档案, tier 1): agreements with metadata and versions, named by the property's
 *   rule, files readable only with `archive.contracts.read` (by default the director);
 * - customer documents (客户资料, tier 2): files attached to a guest, a booking or a complaint,
 *   readable with `archive.customer.read` and the reader's password confirmed a few minutes before;
 * - work records (工作记录, tier 3): each desk's month of submitted reports and audit trail, archived
 *   read-only after the month ends and kept for the retention period.
 * Every file is AES-256-GCM under its own data key (wrapped by the property key), stored and synced
 * as ciphertext chunks; the plaintext only ever exists in memory, handed out a chunk at a time to
 * a read opened by `archive.open` (or `archive.download`, after an approved `archive.allowDownload`).
 * Uploads come in the same way: `archive.upload.begin`, a chunk at a time, then one mutation that
 * files what was uploaded.
 */
import { z } from 'zod';
import { mutation, query } from './define';
import { id, localDate } from './fields';
import type { Permission } from '../permissions';
import type { StaffRef } from './complaints';

export const ARCHIVE_TIERS = ['contract', 'customer', 'record'] as const;
export type ArchiveTier = (typeof ARCHIVE_TIERS)[number];

export const CONTRACT_STATUSES = ['draft', 'in_force', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What a customer document is attached to. */
export const ARCHIVE_SUBJECTS = ['guest', 'booking', 'complaint'] as const;
export type ArchiveSubjectType = (typeof ARCHIVE_SUBJECTS)[number];

/** What a work record holds: the month's submitted reports, or the desk's audit trail of the month. */
export const RECORD_KINDS = ['reports', 'audit'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How contracts are named (a setting): "project name-contract number" (scenic areas) or "date-number-subject" (hotels). */
export const NAMING_RULES = ['project-number', 'date-number-subject'] as const;
export type NamingRule = (typeof NAMING_RULES)[number];

/** File types the viewer shows in the app; others are kept and may only be downloaded. */
export const VIEWABLE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** What may be uploaded: PDF, images, Word and Excel (and the JSON of a work record, made by the desk itself). */
export const UPLOADABLE_TYPES = [
  ...VIEWABLE_TYPES,
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

/** The permission that opens a tier's files (desk and server read this one table). */
export const ARCHIVE_READ_PERMISSION: Readonly<Record<ArchiveTier, Permission>> = {
  contract: 'archive.contracts.read',
  customer: 'archive.customer.read',
  record: 'archive.records.read',
};

/** The permission that files a tier's documents (uploads, new versions, metadata). */
export const ARCHIVE_FILE_PERMISSION: Readonly<Record<ArchiveTier, Permission>> = {
  contract: 'archive.contracts.manage',
  customer: 'archive.customer.attach',
  record: 'archive.records.manage',
};

/** How long an approved plaintext download stays usable, in hours. */
export const ARCHIVE_GRANT_HOURS = 24;

/** Plaintext bytes per chunk: what is encrypted, stored, synced and read at a time. */
export const ARCHIVE_CHUNK_BYTES = 1024 * 1024;

/** The property's archive settings (a synced setting, edited by admins). */
export interface ArchivePolicy {
  maxFileMb: number;
  naming: NamingRule;
  /** Contracts expiring within this many days are listed on the home screen of those who may read them. */
  expiryReminderDays: number;
  /** Work records are kept this many years after their month, then listed for deletion. */
  retentionYears: number;
  /** A customer document opens only if the reader typed their password within this many minutes. */
  confirmMinutes: number;
}

export const archivePolicySchema = z.object({
  maxFileMb: z.number().int().min(1).max(200),
  naming: z.enum(NAMING_RULES),
  expiryReminderDays: z.number().int().min(1).max(365),
  retentionYears: z.number().int().min(1).max(30),
  confirmMinutes: z.number().int().min(1).max(60),
});

export const DEFAULT_ARCHIVE_POLICY: ArchivePolicy = {
  maxFileMb: 50,
  naming: 'date-number-subject',
  expiryReminderDays: 30,
  retentionYears: 5,
  confirmMinutes: 5,
};

/** One stored file: a version of a contract, a customer document, a work record's file. */
export interface ArchiveFileInfo {
  id: string;
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  /** SHA-256 of the original, hex: checked on every open. */
  sha256: string;
  /** Whether the viewer shows it in the app (PDF, images, a work record) or it may only be downloaded. */
  viewable: boolean;
  /** Whether this desk holds its encrypted chunks (otherwise they are fetched from the server on open). */
  onThisDesk: boolean;
  uploadedBy: StaffRef;
  uploadedAt: string;
  /** An approved, unused plaintext download of this file for the signed-in person, until when. */
  downloadAllowedUntil: string | null;
}

export interface ContractFields {
  name: string;
  counterparty: string;
  project: string;
  contractNo: string;
  amountFen: number | null;
  signedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  status: ContractStatus;
  tags: string[];
}

export interface ArchiveDocumentSummary {
  id: string;
  tier: ArchiveTier;
  name: string;
  /** Tier 1 only. */
  contract: ContractFields | null;
  /** Tier 2 only. */
  subject: { type: ArchiveSubjectType; id: string; label: string } | null;
  /** Tier 3 only. */
  record: { period: string; kind: RecordKind; deskCode: string; retainUntil: string; pastRetention: boolean } | null;
  latest: ArchiveFileInfo;
  versions: number;
  createdBy: StaffRef;
  createdAt: string;
}

export interface ArchiveDocumentDetail extends ArchiveDocumentSummary {
  /** Every version, newest first. */
  files: ArchiveFileInfo[];
  /** Whether the signed-in person may open the files (the tier's read permission). */
  mayRead: boolean;
  /** Whether the signed-in person may add versions and edit the metadata. */
  mayManage: boolean;
}

/** A read of one file's plaintext, opened after the access checks and the whole file's integrity check. */
export interface ArchiveRead {
  readId: string;
  fileId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  chunks: number;
}

export interface ArchiveUpload {
  uploadId: string;
  chunkSize: number;
  chunks: number;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const tags = z.array(z.string().trim().min(1).max(20)).max(10).default([]);
const base64 = z
  .string()
  .max(Math.ceil((ARCHIVE_CHUNK_BYTES * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'not base64' });

export const contractFieldsInput = z.object({
  name: text(120),
  counterparty: text(100),
  project: text(100),
  contractNo: text(60),
  amountFen: z.number().int().min(0).max(1e13).nullable().default(null),
  signedOn: localDate.nullable().default(null),
  effectiveOn: localDate.nullable().default(null),
  expiresOn: localDate.nullable().default(null),
  status: z.enum(CONTRACT_STATUSES).default('in_force'),
  tags,
});

export const archiveOperations = {
  'archive.policy': query<ArchivePolicy>()({
    name: 'archive.policy',
    input: z.object({}),
    access: 'signed-in',
  }),
  'archive.setPolicy': mutation<ArchivePolicy>()({
    name: 'archive.setPolicy',
    input: archivePolicySchema,
    access: 'settings.manage',
  }),

  /** Contracts by name, counterparty, project, number or tag; for those who manage or read them. */
  'archive.listContracts': query<ArchiveDocumentSummary[]>()({
    name: 'archive.listContracts',
    input: z.object({
      query: z.string().trim().max(60).default(''),
      status: z.enum([...CONTRACT_STATUSES, 'expired', 'all']).default('all'),
    }),
    access: 'signed-in',
  }),
  /** Contracts in force expiring within the policy's reminder days (the home screen's reminder). */
  'archive.expiring': query<ArchiveDocumentSummary[]>()({
    name: 'archive.expiring',
    input: z.object({}),
    access: 'archive.contracts.read',
  }),
  /** Customer documents attached to one guest, booking or complaint. */
  'archive.attachments': query<ArchiveDocumentSummary[]>()({
    name: 'archive.attachments',
    input: z.object({ subjectType: z.enum(ARCHIVE_SUBJECTS), subjectId: id }),
    access: 'signed-in',
  }),
  /** Work records, newest month first, those past retention marked. */
  'archive.listRecords': query<ArchiveDocumentSummary[]>()({
    name: 'archive.listRecords',
    input: z.object({}),
    access: 'archive.records.read',
  }),
  'archive.document': query<ArchiveDocumentDetail>()({
    name: 'archive.document',
    input: z.object({ id }),
    access: 'signed-in',
  }),

  /**
   * Starts an upload of a file for `tier` (the uploader's permission for it is checked here and
   * again when it is filed). No audit entry, nothing synced: what is staged is ciphertext on this
   * desk, removed if never filed.
   */
  'archive.upload.begin': query<ArchiveUpload>()({
    name: 'archive.upload.begin',
    input: z.object({
      tier: z.enum(['contract', 'customer']),
      fileName: text(200),
      mediaType: z.enum(UPLOADABLE_TYPES),
      size: z
        .number()
        .int()
        .min(1)
        .max(200 * 1024 * 1024),
    }),
    access: 'signed-in',
  }),
  /** One chunk of an upload, in order (base64 of at most ARCHIVE_CHUNK_BYTES): encrypted on arrival. */
  'archive.upload.chunk': query<{ received: number }>()({
    name: 'archive.upload.chunk',
    input: z.object({ uploadId: id, index: z.number().int().min(0).max(100_000), data: base64 }),
    access: 'signed-in',
  }),

  /** Files a new contract with its first version (a complete upload). */
  'archive.contracts.add': mutation<ArchiveDocumentDetail>()({
    name: 'archive.contracts.add',
    input: contractFieldsInput.extend({ uploadId: id }),
    access: 'archive.contracts.manage',
  }),
  /** A new version of a contract; the earlier versions stay. */
  'archive.contracts.addVersion': mutation<ArchiveDocumentDetail>()({
    name: 'archive.contracts.addVersion',
    input: z.object({ id, uploadId: id }),
    access: 'archive.contracts.manage',
  }),
  'archive.contracts.update': mutation<ArchiveDocumentDetail>()({
    name: 'archive.contracts.update',
    input: contractFieldsInput.extend({ id }),
    access: 'archive.contracts.manage',
  }),
  /** Attaches a customer document (the guest's written authorisation of a change, an ID copy …). */
  'archive.attach': mutation<ArchiveDocumentDetail>()({
    name: 'archive.attach',
    input: z.object({
      uploadId: id,
      subjectType: z.enum(ARCHIVE_SUBJECTS),
      subjectId: id,
      title: text(120),
    }),
    access: 'archive.customer.attach',
  }),

  /**
   * Opens a file for reading: the tier's read permission (and, for customer documents, a recent
   * password confirmation), the encrypted chunks (fetched from the server when this desk lacks
   * them) and the whole file's integrity are checked, and the open is audited, refused or not.
   */
  'archive.open': mutation<ArchiveRead>()({
    name: 'archive.open',
    input: z.object({ fileId: id }),
    access: 'signed-in',
    sync: false,
  }),
  /** A chunk of plaintext of an open read, base64. */
  'archive.read': query<{ data: string }>()({
    name: 'archive.read',
    input: z.object({ readId: id, index: z.number().int().min(0).max(100_000) }),
    access: 'signed-in',
  }),
  /**
   * Allows the requester one plaintext download of a file: held for approval with dual review by
   * default (the policy is data). Only approvers may ask; the tier's read permission is checked too.
   */
  'archive.allowDownload': mutation<{ fileId: string; until: string }>()({
    name: 'archive.allowDownload',
    input: z.object({ fileId: id, reason: text(300) }),
    access: 'approvals.decide',
  }),
  /** Uses an approved download: opens a read as `archive.open` does, and marks the allowance used. */
  'archive.download': mutation<ArchiveRead>()({
    name: 'archive.download',
    input: z.object({ fileId: id }),
    access: 'signed-in',
  }),

  /** Archives this desk's work records of a finished month (also run by the desk itself after each month ends). */
  'archive.records.archiveMonth': mutation<ArchiveDocumentSummary[]>()({
    name: 'archive.records.archiveMonth',
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
    access: 'archive.records.manage',
  }),
  /** Deletes a work record past its retention: held for a director's approval by default. */
  'archive.records.delete': mutation<null>()({
    name: 'archive.records.delete',
    input: z.object({ id }),
    access: 'archive.records.manage',
  }),
};
