/**
 * Row schemas of the property itself, its staff and permission matrix, its settings, the audit
 * trail and the conflicts the server raises: the columns each row carries on the wire.
 */
import { z } from 'zod';
import { AUDIT_OUTCOMES } from '../../contract';
import { currency, timeZone, username } from '../../contract/fields';
import { PERMISSIONS, ROLES } from '../../permissions';
import { recoveryEnvelope } from '../../rules/passphrase';
import { STAY_NIGHTS_LIMIT } from '../../rules/stay';
import { CONFLICT_KINDS, CONFLICT_RESOLUTIONS, CONFLICT_SUBJECTS } from '../conflicts';
import {
  flag,
  id,
  instant,
  integer,
  jsonText,
  JSON_MAX,
  name,
  operationName,
  serverVersion,
  sha256Hex,
  snakeWord,
  text,
  TEXT,
} from './columns';
import { CONFLICT_STATUSES } from './unions';

export const propertyRow = z.strictObject({
  id,
  name,
  time_zone: timeZone,
  currency,
  idle_lock_minutes: integer(1, 240),
  max_stay_nights: integer(1, STAY_NIGHTS_LIMIT),
  address: text(TEXT.label).nullable(),
  phone: text(40).nullable(),
  // Ciphertext only: the property key wrapped by the recovery passphrase, and its fingerprint.
  key_envelope: jsonText(JSON_MAX.small, recoveryEnvelope).nullable(),
  key_id: recoveryEnvelope.shape.keyId.nullable(),
  created_at: instant,
  updated_at: instant,
});

/** The sign-in lockout (failed attempts, locked until) stays on the desk and is not part of the row. */
export const staffRow = z.strictObject({
  id,
  // Stored exactly as the contract normalises it, so the server's unique check sees what sign-in sees.
  username: z.string().refine((value) => username.safeParse(value).data === value, { error: 'not a username' }),
  display_name: name,
  role: z.enum(ROLES),
  password_hash: z
    .string()
    .max(256)
    .regex(/^\$argon2(id|i|d)\$[A-Za-z0-9$=,+/.]+$/, { error: 'not an argon2 hash' }),
  // The signing key made with the password: a 16-byte salt and a 32-byte Ed25519 public key, base64.
  sign_salt: z
    .string()
    .regex(/^[A-Za-z0-9+/]{22}==$/, { error: 'not a salt' })
    .nullable(),
  sign_key: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'not a public key' })
    .nullable(),
  active: flag,
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
});

export const rolePermissionRow = z.strictObject({
  role: z.enum(ROLES),
  permission: z.enum(PERMISSIONS),
});

export const settingRow = z.strictObject({
  key: z
    .string()
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: 'not a setting key' }),
  value_json: jsonText(JSON_MAX.medium),
});

export const auditLogRow = z.strictObject({
  seq: integer(1, Number.MAX_SAFE_INTEGER),
  id,
  at: instant,
  device_id: id,
  actor_id: id.nullable(),
  actor_name: name.nullable(),
  operation: operationName,
  entity_type: snakeWord.nullable(),
  // Usually a row's id; also a search query, a backup's file name or a date.
  entity_id: text(TEXT.label, 1).nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail_json: jsonText(JSON_MAX.large).nullable(),
  prev_hash: sha256Hex,
  hash: sha256Hex,
});

export const syncConflictRow = z.strictObject({
  id,
  kind: z.enum(CONFLICT_KINDS),
  subject_type: z.enum(CONFLICT_SUBJECTS),
  subject_id: id,
  detail_json: jsonText(JSON_MAX.small, z.record(z.string(), z.union([z.string(), z.number()]))),
  device_id: id,
  status: z.enum(CONFLICT_STATUSES),
  resolution: z.enum(CONFLICT_RESOLUTIONS).nullable(),
  resolution_note: text(TEXT.note).nullable(),
  resolved_by: id.nullable(),
  resolved_by_name: name.nullable(),
  resolved_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
  server_version: serverVersion,
});
