/** Guest profiles and members: profiles are created and edited by those who manage guests; members join from a profile. */
import { byActor, equals, fromDesk, namedByInput, oneOf } from './checks';
import type { WriteRule } from './types';

const PROFILE_COLUMNS = ['name', 'phone', 'segment', 'id_type', 'id_number', 'preferences', 'special_needs', 'email', 'temporary'];

export const guestRules: Record<string, WriteRule> = {
  'guests.create': { guest: { insert: [equals('deleted_at', null)] } },
  'guests.update': { guest: { update: { columns: PROFILE_COLUMNS, checks: [namedByInput('id', 'id'), equals('deleted_at', null)] } } },
  'guests.delete': { guest: { update: { columns: ['deleted_at'], checks: [namedByInput('id', 'id')] } } },
  // Exporting writes nothing but its audit entry.
  'guests.export': {},
  'members.enroll': { member: { insert: [namedByInput('guest_id', 'guestId'), equals('status', 'active')] } },
  'members.redeem': {
    points_entry: { insert: [byActor('staff_id'), fromDesk('desk_id'), equals('kind', 'redeem'), equals('status', 'pending'), namedByInput('member_id', 'memberId'), namedByInput('booking_id', 'bookingId')] },
    payment: { insert: [byActor('staff_id'), equals('kind', 'payment'), equals('method', 'points'), namedByInput('booking_id', 'bookingId')] },
  },
  'members.adjust': { points_entry: { insert: [byActor('staff_id'), fromDesk('desk_id'), equals('kind', 'adjust'), namedByInput('member_id', 'memberId')] } },
  'members.tickCare': { care_task: { insert: [namedByInput('member_id', 'memberId'), namedByInput('kind', 'kind'), namedByInput('period', 'period'), oneOf('kind', ['birthday', 'near_tier'])] } },
};
