/**
 * Staff, the permission matrix, the property and its policies: rows that decide who may do what,
 * written only by the operations that manage them (whose permission the server checks).
 */
import { byActor, equals, namedByInput, oneOf } from './checks';
import type { RowCheck, WriteRule } from './types';

/** An administrator never loses the grants that let admins manage staff and permissions. */
const keepsAdminGrants: RowCheck = (row) =>
  row.role === 'admin' && (row.permission === 'permissions.manage' || row.permission === 'staff.manage')
    ? 'admins keep staff and permission management'
    : null;

/** The recovery envelope wraps the key the row names. */
const envelopeOfItsKey: RowCheck = (row) =>
  typeof row.key_envelope === 'string' && (JSON.parse(row.key_envelope) as { keyId?: unknown }).keyId === row.key_id
    ? null
    : 'the envelope wraps another key';

const STAY_TIME_KEYS = ['checkInTime', 'checkOutTime'] as const;

/** A stay time setting holds a JSON string `HH:MM`. */
const clockTimeValue: RowCheck = (row) =>
  typeof row.value_json === 'string' && /^"([01]\d|2[0-3]):[0-5]\d"$/.test(row.value_json)
    ? null
    : 'value_json is not a time of day';

export const staffRules: Record<string, WriteRule> = {
  'auth.changePassword': {
    staff: { update: { columns: ['password_hash', 'sign_salt', 'sign_key'], checks: [byActor('id')] } },
  },
  'staff.create': { staff: { insert: [equals('deleted_at', null)] } },
  'staff.update': {
    staff: { update: { columns: ['display_name', 'role', 'active'], checks: [namedByInput('id', 'id')] } },
  },
  'staff.resetPassword': {
    staff: { update: { columns: ['password_hash', 'sign_salt', 'sign_key'], checks: [namedByInput('id', 'id')] } },
  },
  'permissions.set': {
    role_permission: {
      insert: [namedByInput('role', 'role'), namedByInput('permission', 'permission')],
      delete: [keepsAdminGrants, namedByInput('role', 'role'), namedByInput('permission', 'permission')],
    },
  },
  'property.update': {
    property: {
      update: {
        columns: ['name', 'time_zone', 'currency', 'idle_lock_minutes', 'max_stay_nights', 'address', 'phone'],
      },
    },
    // The check-in and check-out times, each a wall-clock HH:MM.
    setting: {
      insert: [oneOf('key', STAY_TIME_KEYS), clockTimeValue],
      update: { columns: ['value_json'], checks: [oneOf('key', STAY_TIME_KEYS), clockTimeValue] },
    },
  },
  // The property's first key (a property set up before the vault): once, never replacing one.
  'vault.create': {
    property: {
      update: {
        columns: ['key_envelope', 'key_id'],
        checks: [
          envelopeOfItsKey,
          (_row, _context, before) => (before?.key_id ? 'the property already has a key' : null),
        ],
      },
    },
  },
  // A new wrapping of the same key: the fingerprint cannot change.
  'vault.changePassphrase': { property: { update: { columns: ['key_envelope'], checks: [envelopeOfItsKey] } } },
  'approvals.setPolicy': {
    approval_rule: {
      insert: [],
      update: {
        columns: ['needs_approval', 'min_approver_role', 'approval_min_fen', 'dual_review', 'dual_review_min_fen'],
      },
      delete: [],
    },
    approval_tier: { insert: [], update: { columns: ['max_amount_fen', 'approver_role'] }, delete: [] },
    setting: {
      insert: [equals('key', 'approvals.paperworkDays')],
      update: { columns: ['value_json'], checks: [equals('key', 'approvals.paperworkDays')] },
    },
  },
};
