/** The server's tables, as Kysely sees them. Versions and sequences are bigints read back as numbers. */
import type { Json } from '@shared/json';
import type {
  AuditChainReport,
  CheckpointRefusal,
  Effect,
  EnrolMode,
  PushStatus,
  RejectionReason,
  SyncErrorCode,
} from '@shared/sync/protocol';

export interface EnrolmentCodeTable {
  /** SHA-256 (hex) of the normalised code; the code itself is shown once and never stored. */
  code_hash: string;
  /** The property the enrolling desk joins; null: the desk founds a new property. */
  property_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The device that spent the code. */
  device_id: string | null;
  /** Set: the code only lets this known device return to its property (`code --device ID`). */
  for_device_id: string | null;
  /** What spending it did: the enrolment's mode, or the refusal that burnt it. */
  outcome: EnrolMode | SyncErrorCode | null;
}

export interface PropertyTable {
  id: string;
  founding_device_id: string;
  /** The property's change counter: the version of its latest row write. */
  version: number;
  created_at: string;
}

export interface DeviceTable {
  id: string;
  property_id: string;
  desk_code: string;
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seq: number;
  last_seen_at: string;
}

export interface PushResultTable {
  device_id: string;
  seq: number;
  mutation_id: string;
  name: string;
  status: PushStatus;
  reason: RejectionReason | null;
  detail: string | null;
  conflict_id: string | null;
  restore_json: Json<Effect[]> | null;
  at: string;
}

/** The held operation each approval let run: an approval is used once. */
export interface ApprovalUseTable {
  property_id: string;
  approval_id: string;
  device_id: string;
  seq: number;
}

export interface SyncRowTable {
  property_id: string;
  table_name: string;
  row_key: string;
  /** The row as JSON; null once deleted. */
  data: string | null;
  deleted: number;
  version: number;
  group_key: string | null;
  unique_key: string | null;
  /** The aggregate root the row belongs to (src-shared/sync/aggregates.ts), if any. */
  root_key: string | null;
  /** The device whose mutation wrote the row last; null for the server's own writes. */
  writer_device: string | null;
}

/** A head of a desk's audit chain the server acknowledged: append-only. */
export interface AuditCheckpointTable {
  device_id: string;
  seq: number;
  /** The audit row (its key in sync_row) the head is. */
  audit_id: string;
  hash: string;
  at: string;
}

/** A desk's audit chain refused as rewritten: once per device, contradicted checkpoint and kind. */
export interface AuditCheckpointRefusalTable {
  device_id: string;
  /** The checkpoint the report contradicted (0: none recorded yet). */
  checkpoint_seq: number;
  reason: CheckpointRefusal;
  /** What the desk reported (head and entry at the checkpoint). */
  reported_json: Json<AuditChainReport>;
  at: string;
}

/** An encrypted archive chunk a desk uploaded (ciphertext‖tag, never plaintext), by property and the SHA-256 of its bytes. */
export interface ArchiveBlobTable {
  property_id: string;
  hash: string;
  bytes: Buffer;
  stored_at: string;
}

export interface Database {
  approval_use: ApprovalUseTable;
  archive_blob: ArchiveBlobTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_checkpoint_refusal: AuditCheckpointRefusalTable;
  enrolment_code: EnrolmentCodeTable;
  property: PropertyTable;
  device: DeviceTable;
  push_result: PushResultTable;
  sync_row: SyncRowTable;
}
