/**
 * Guest profiles and members: profiles are created and edited by those who manage guests, with
 * phones and ID numbers only ever sealed (the row schema holds no column for them in clear);
 * erasure on request leaves no personal column (and deletes the guest's customer documents); members
 * join from a profile. Ticket visitors'
 * ID numbers are sealed the same way (src-shared/sync/rows/tickets.ts).
 */
import { ERASED_GUEST_NAME } from '../../rules/guest-fields';
import { byActor, equals, fromDesk, namedByInput, oneOf, present, wasOneOf } from './checks';
import type { RowCheck, TableRule, WriteRule } from './types';

const PHONE_COLUMNS = ['phone_sealed', 'phone_hmac', 'phone_last4', 'phone_masked'];
const ID_NUMBER_COLUMNS = ['id_number_sealed', 'id_number_hmac'];
const SEALED_COLUMNS = [...PHONE_COLUMNS, ...ID_NUMBER_COLUMNS];
const PERSONAL_COLUMNS = ['name', ...SEALED_COLUMNS, 'id_type', 'email', 'preferences', 'special_needs'];
const PROFILE_COLUMNS = [...PERSONAL_COLUMNS, 'segment', 'temporary'];

/** An erased guest: marked erased and deleted, named by the placeholder, every other personal column empty. */
const erased: RowCheck = (row) => {
  if (row.erased_at == null || row.deleted_at == null) return 'erased_at and deleted_at must be set';
  if (row.name !== ERASED_GUEST_NAME) return 'name must be the erased placeholder';
  const kept = PERSONAL_COLUMNS.filter((column) => column !== 'name' && row[column] != null);
  return kept.length === 0 ? null : `${kept.join(', ')} must be erased`;
};

/**
 * A value sealed on a desk from the plaintext that waited there (src-main/services/guests/seal-waiting.ts):
 * it fills an empty field, or seals again the very value the field holds (its keyed hash is the
 * same), which happens when two desks seal the same guest.
 */
const fillsOrMatches =
  (sealedColumn: string, hashColumn: string): RowCheck =>
  (row, _context, before) =>
    before === null || (before[sealedColumn] ?? null) === null || before[hashColumn] === row[hashColumn]
      ? null
      : `${sealedColumn} already holds another value`;

export const guestRules: Record<string, WriteRule> = {
  'guests.create': { guest: { insert: [equals('deleted_at', null), equals('erased_at', null)] } },
  'guests.update': {
    guest: {
      update: {
        columns: PROFILE_COLUMNS,
        checks: [namedByInput('id', 'id'), equals('deleted_at', null), equals('erased_at', null)],
      },
    },
  },
  'guests.delete': {
    guest: {
      update: {
        columns: ['deleted_at', 'erased_at', ...PERSONAL_COLUMNS],
        checks: [namedByInput('id', 'id'), wasOneOf('erased_at', [null]), erased],
      },
    },
    member: {
      update: {
        columns: ['card_no', 'birthday'],
        checks: [namedByInput('guest_id', 'id'), equals('card_no', null), equals('birthday', null)],
      },
    },
    booking: {
      update: {
        columns: ['special_requests'],
        checks: [namedByInput('guest_id', 'id'), equals('special_requests', '')],
      },
    },
    approval_request: {
      update: {
        columns: ['subject_label'],
        checks: [equals('subject_type', 'guest'), namedByInput('subject_id', 'id')],
      },
    },
    // The guest's customer documents go with them (the server checks each is about this guest).
    archive_document: {
      update: {
        columns: ['deleted_at', 'deleted_by'],
        checks: [
          equals('tier', 'customer'),
          wasOneOf('deleted_at', [null]),
          present('deleted_at'),
          byActor('deleted_by'),
        ],
      },
    },
  },
  // Exporting writes nothing but its audit entry.
  'guests.export': {},
  'members.enrol': { member: { insert: [namedByInput('guest_id', 'guestId'), equals('status', 'active')] } },
  'members.redeem': {
    points_entry: {
      insert: [
        byActor('staff_id'),
        fromDesk('desk_id'),
        equals('kind', 'redeem'),
        equals('status', 'pending'),
        namedByInput('member_id', 'memberId'),
        namedByInput('booking_id', 'bookingId'),
      ],
    },
    payment: {
      insert: [
        byActor('staff_id'),
        equals('kind', 'payment'),
        equals('method', 'points'),
        namedByInput('booking_id', 'bookingId'),
      ],
    },
  },
  'members.adjust': {
    points_entry: {
      insert: [
        byActor('staff_id'),
        fromDesk('desk_id'),
        equals('kind', 'adjust'),
        namedByInput('member_id', 'memberId'),
      ],
    },
  },
  'members.tickCare': {
    care_task: {
      insert: [
        namedByInput('member_id', 'memberId'),
        namedByInput('kind', 'kind'),
        namedByInput('period', 'period'),
        oneOf('kind', ['birthday', 'near_tier']),
      ],
    },
  },
};

/** What a desk's own job may write to guests and ticket visitors: the sealed form of values that waited in clear. */
export const sealedWaitingRules: Record<'guest' | 'ticket_visitor', TableRule> = {
  guest: {
    update: {
      columns: SEALED_COLUMNS,
      checks: [
        equals('erased_at', null),
        fillsOrMatches('phone_sealed', 'phone_hmac'),
        fillsOrMatches('id_number_sealed', 'id_number_hmac'),
      ],
    },
  },
  ticket_visitor: {
    update: {
      columns: [...ID_NUMBER_COLUMNS, 'id_number_masked'],
      checks: [fillsOrMatches('id_number_sealed', 'id_number_hmac')],
    },
  },
};
