/**
 * The wire protocol between a desk and the central server. Desks send intents (the mutation's
 * name and who ran it) together with their effects (the rows it wrote); the server arbitrates
 * the contested resources from those effects and answers each one applied, rejected or conflict.
 */
import { z } from 'zod';
import { ARCHIVE_CHUNK_BYTES } from '../contract/archive';

/** The desk database schema this code speaks: one per desk migration (tests/unit/schema-version.test.ts holds the two equal); written into outbox rows. */
export const DESK_SCHEMA_VERSION = 25;

/**
 * A row written by a mutation: the full row after it, or null when it was deleted. `columns`
 * names what the mutation changed of a row that existed before it (absent: it inserted the row);
 * the server applies only those columns onto its own row, so what another desk changed meanwhile
 * in other columns is kept, and checks them against the operation's write rule.
 */
export const effectSchema = z.object({
  table: z.string().min(1).max(64),
  key: z.string().min(1).max(400),
  row: z.record(z.string(), z.unknown()).nullable(),
  columns: z.array(z.string().min(1).max(64)).max(100).optional(),
});
export type Effect = z.infer<typeof effectSchema>;

export const pushedMutationSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  at: z.string().min(1).max(40),
  /** The staff member who ran it; null for the desk itself (jobs, the founding snapshot). */
  actorId: z.string().max(64).nullable(),
  /** Set when the mutation is a held operation run on a supervisor's approval. */
  approvalId: z.string().max(64).nullable(),
  /** The operation's input as the desk parsed it, secrets redacted (the server checks derived values and approvals against it). */
  input: z.unknown(),
  /**
   * The version of each aggregate root it wrote (src-shared/sync/aggregates.ts) as its desk saw
   * it; a root left out counts as never seen (version 0).
   */
  bases: z.record(z.string().max(120), z.number().int().nonnegative()).default({}),
  /** Who signed the intent (src-shared/sync/intent.ts): the actor, or the approver of a held operation. */
  signedBy: z.string().max(64).nullable().default(null),
  /** Ed25519 signature of the intent, base64. */
  signature: z.string().max(200).nullable().default(null),
  effects: z.array(effectSchema).max(5000),
});
/** As a desk sends it (`bases` may be left out). */
export type PushedMutation = z.input<typeof pushedMutationSchema>;

const auditHash = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The pushing desk's audit chain: its head (the newest entry when the push was read), and its own
 * entry at the seq of the last checkpoint the server gave it, as it reads now (hash null: that
 * entry is gone). The server keeps each head it can match to the audit row it holds as a
 * checkpoint, append-only; a head that goes back, or an entry that no longer carries the hash
 * the server acknowledged, is a rewritten chain.
 */
export const auditChainSchema = z.object({
  head: z.object({ seq: z.number().int().positive(), id: z.string().min(1).max(64), hash: auditHash }),
  atCheckpoint: z.object({ seq: z.number().int().positive(), hash: auditHash.nullable() }).nullable(),
});
export type AuditChainReport = z.infer<typeof auditChainSchema>;

export const pushRequestSchema = z.object({
  deviceId: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  mutations: z.array(pushedMutationSchema).max(1000),
  /** Absent: the desk has no audit entry yet. */
  audit: auditChainSchema.optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * stale: another desk changed a root the mutation was based on; nothing of it (nor of the rest of
 * the request) was applied or stored, and the desk re-runs it against the server's state.
 */
export const PUSH_STATUSES = ['applied', 'rejected', 'conflict', 'stale'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/**
 * Why the server refused a mutation. WRITE_NOT_ALLOWED: a row outside what the operation may write
 * (src-shared/sync/write-rules); ROW_INVALID: a row that fails its table's schema; APPROVAL_INVALID:
 * the approval it names is not one the server holds for this operation and input; VALUE_MISMATCH:
 * a price, penalty, refund or points figure the server works out differently; REPLAYED: a
 * mutation id already used; BUSINESS_DATE_CLOSED: a night audit of a date the server's business
 * date has already moved past (another desk closed it first); SIGNATURE_INVALID: the intent is
 * not signed by the person it names (or by the approver of its held operation) with the key on
 * their staff row.
 */
export const REJECTION_REASONS = [
  'PERMISSION_DENIED',
  'STAFF_UNKNOWN',
  'UNKNOWN_OPERATION',
  'DUPLICATE',
  'NOT_FOUNDING_DESK',
  'MALFORMED',
  'WRITE_NOT_ALLOWED',
  'ROW_INVALID',
  'APPROVAL_INVALID',
  'VALUE_MISMATCH',
  'REPLAYED',
  'BUSINESS_DATE_CLOSED',
  'SIGNATURE_INVALID',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface PushResult {
  seq: number;
  status: PushStatus;
  reason?: RejectionReason;
  /** What it collided with, for the desk's message (e.g. the duplicate key). */
  detail?: string;
  conflictId?: string;
  /** For a rejection: the server's rows for the keys the mutation wrote (null: no such row), to undo it at the desk. */
  restore?: Effect[];
  /** For stale: the roots that moved, at their current versions. */
  versions?: Record<string, number>;
}

/** A head of a desk's audit chain the server acknowledged, and when. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

/** went-back: a head before the last checkpoint; changed: an entry that no longer carries the hash acknowledged for its seq. */
export type CheckpointRefusal = 'went-back' | 'changed';

export interface PushResponse {
  /** The highest sequence number of this desk the server has applied. */
  lastSeq: number;
  results: PushResult[];
  /** The server's latest checkpoint of this desk's audit chain (after this push); null: none yet. */
  checkpoint: AuditCheckpoint | null;
  /** Set when the chain the desk reported was refused as rewritten (and recorded as such on the server). */
  checkpointRefused?: CheckpointRefusal;
}

/** POST /sync/audit-checkpoint: the server's latest checkpoint of the calling desk's audit chain. */
export const checkpointRequestSchema = z.object({
  deviceId: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
});

export interface CheckpointResponse {
  checkpoint: AuditCheckpoint | null;
}

export const pullRequestSchema = z.object({
  deviceId: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(5000).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export interface PulledChange extends Effect {
  version: number;
}

export interface PullResponse {
  cursor: number;
  lastSeq: number;
  changes: PulledChange[];
  hasMore: boolean;
  /** Changes still to pull after this page (for the progress bar). */
  remaining: number;
}

export const enrolRequestSchema = z.object({
  code: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(64),
  deskCode: z.string().min(1).max(16),
  propertyId: z.string().min(1).max(64),
  /** Whether the desk already holds bookings or guests (it may then only found or rejoin its own property). */
  hasBusinessData: z.boolean(),
  lastSeq: z.number().int().nonnegative(),
  schemaVersion: z.number().int().positive(),
  /**
   * The device's current token, sent by a desk that holds one: the proof a known device needs to
   * return (without it, only a code the server's admin issued for this very device will do).
   */
  token: z.string().min(1).max(128).nullish(),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/**
 * founding: a code without a property, for a property id the server does not have yet: the desk's
 * property becomes the server's; joining: a new device takes the code's property; returning: a
 * known device, proven by its current token or by a code issued for it, gets a new token.
 */
export type EnrolMode = 'founding' | 'joining' | 'returning';

export interface EnrolResponse {
  token: string;
  propertyId: string;
  mode: EnrolMode;
  /** The sequence the server expects next is lastSeq + 1. */
  lastSeq: number;
}

/**
 * The archive's encrypted chunks (issue 15), by the SHA-256 (hex) of their bytes. JSON routes
 * name the device and schema in the body as /sync/* does; the raw routes (`PUT` and `GET
 * /blobs/:hash`, application/octet-stream) name them in these headers, checked the same way.
 */
export const BLOB_DEVICE_HEADER = 'x-yingbin-device';
export const BLOB_SCHEMA_HEADER = 'x-yingbin-schema-version';

export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A sealed chunk: at most a chunk of plaintext and its 16-byte GCM tag; the server allows a little slack. */
export const BLOB_MAX_BYTES = ARCHIVE_CHUNK_BYTES + 16;

export const blobHeadersSchema = z.object({
  [BLOB_DEVICE_HEADER]: z.string().min(1).max(64),
  [BLOB_SCHEMA_HEADER]: z.coerce.number().int().positive(),
});

/** POST /blobs/missing: which of these chunks the server does not hold for the caller's property. */
export const blobMissingRequestSchema = z.object({
  deviceId: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  hashes: z.array(blobHashSchema).max(1000),
});
export type BlobMissingRequest = z.infer<typeof blobMissingRequestSchema>;

export interface BlobMissingResponse {
  missing: string[];
}

/** PUT /blobs/:hash: `stored` false when the property held the chunk already (nothing new was written). */
export interface BlobStoredResponse {
  stored: boolean;
}

/** Error bodies: `{ error: code, ...params }` with these codes and HTTP statuses. */
export const SYNC_ERRORS = {
  ENROLMENT_CODE_INVALID: 400,
  SYNC_PROPERTY_MISMATCH: 409,
  DEVICE_UNKNOWN: 401,
  DEVICE_REVOKED: 403,
  SEQ_GAP: 409,
  /** The desk numbered new work with sequences the server already holds other mutations under (it was restored from an older backup): it renumbers from lastSeq + 1. */
  SEQ_BEHIND: 409,
  UPGRADE_REQUIRED: 426,
  SERVER_OUTDATED: 400,
  BAD_REQUEST: 400,
  /** A founding code for a property id the server already holds: founding codes only create. */
  PROPERTY_EXISTS: 409,
  /** A device id the server knows, without its current token or a code issued for that device. */
  DEVICE_PROOF_REQUIRED: 403,
  /** A body over the route's limit. */
  BODY_TOO_LARGE: 413,
  /** Too many refused enrolments or unknown tokens from one address; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 429,
  /** GET /blobs/:hash: the caller's property holds no such chunk (its desk has not uploaded it yet). */
  ARCHIVE_NOT_ON_SERVER: 404,
  /** PUT /blobs/:hash: the bytes do not hash to the name they were sent under. */
  BLOB_HASH_MISMATCH: 400,
  /** PUT /blobs/:hash: no filed archive file of the caller's property names the chunk. */
  BLOB_UNREFERENCED: 403,
} as const;
export type SyncErrorCode = keyof typeof SYNC_ERRORS;

export interface SyncErrorBody {
  error: SyncErrorCode;
  lastSeq?: number;
  minSchemaVersion?: number;
  retryAfterSeconds?: number;
}

/** The operation name of the founding desk's snapshot of everything it held before it was enrolled. */
export const SNAPSHOT_OPERATION = 'sync.snapshot';
