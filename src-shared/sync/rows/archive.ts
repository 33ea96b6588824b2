/**
 * Row schemas of the archive: documents with their metadata by tier, the stored files (sizes,
 * digests, the chunk list and the wrapped data key — never content) and download allowances.
 */
import { z } from 'zod';
import {
  ARCHIVE_CHUNK_BYTES,
  ARCHIVE_SUBJECTS,
  ARCHIVE_TIERS,
  CONTRACT_STATUSES,
  RECORD_KINDS,
  UPLOADABLE_TYPES,
} from '../../contract/archive';
import { date, fen, id, instant, integer, jsonText, serverVersion, sha256Hex, text, TEXT } from './columns';

/** The largest file any policy allows (200 MB), in chunks. */
const MAX_CHUNKS = Math.ceil((200 * 1024 * 1024) / ARCHIVE_CHUNK_BYTES);

export const archiveDocumentRow = z.strictObject({
  id,
  tier: z.enum(ARCHIVE_TIERS),
  name: text(200, 1),
  counterparty: text(TEXT.reference).nullable(),
  project: text(TEXT.reference).nullable(),
  contract_no: text(60).nullable(),
  amount_fen: fen.nullable(),
  signed_on: date.nullable(),
  effective_on: date.nullable(),
  expires_on: date.nullable(),
  status: z.enum(CONTRACT_STATUSES).nullable(),
  tags_json: jsonText(400, z.array(z.string().min(1).max(20)).max(10)),
  subject_type: z.enum(ARCHIVE_SUBJECTS).nullable(),
  subject_id: id.nullable(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable(),
  record_kind: z.enum(RECORD_KINDS).nullable(),
  retain_until: date.nullable(),
  created_by: id,
  created_at: instant,
  device: id,
  deleted_at: instant.nullable(),
  deleted_by: id.nullable(),
  server_version: serverVersion,
});

export const archiveFileRow = z.strictObject({
  id,
  document_id: id,
  version: integer(1, 10_000),
  file_name: text(200, 1),
  media_type: z.enum([...UPLOADABLE_TYPES, 'application/json', 'text/csv']),
  size: integer(0, 200 * 1024 * 1024),
  sha256: sha256Hex,
  chunk_size: z.literal(ARCHIVE_CHUNK_BYTES),
  chunks_json: jsonText(MAX_CHUNKS * 70 + 2, z.array(sha256Hex).max(MAX_CHUNKS)),
  wrapped_key: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
  key_id: z
    .string()
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/),
  uploaded_by: id,
  uploaded_at: instant,
  device: id,
  server_version: serverVersion,
});

export const archiveGrantRow = z.strictObject({
  id,
  file_id: id,
  staff_id: id,
  reason: text(TEXT.label, 1),
  granted_at: instant,
  expires_at: instant,
  used_at: instant.nullable(),
  device: id,
  server_version: serverVersion,
});
