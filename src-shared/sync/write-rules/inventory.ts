/** Property setup: room types, rooms, rate plans, closed dates and ticket products, by those who manage inventory. */
import { equals, namedByInput } from './checks';
import type { WriteRule } from './types';

export const inventoryRules: Record<string, WriteRule> = {
  'roomTypes.save': {
    room_type: {
      insert: [equals('deleted_at', null)],
      update: { columns: ['code', 'name', 'name_en', 'capacity', 'base_rate_fen'] },
    },
  },
  // A room's status belongs to housekeeping and the front desk: setup makes rooms clean and never changes it after.
  'rooms.save': {
    room: {
      insert: [equals('status', 'vacant_clean'), equals('deleted_at', null)],
      update: { columns: ['number', 'floor', 'room_type_id', 'features_json'] },
    },
  },
  'ratePlans.save': {
    rate_plan: {
      insert: [equals('deleted_at', null)],
      update: { columns: ['code', 'name', 'name_en', 'member_only', 'channels_json', 'cancellation_policy_json'] },
    },
    rate_plan_price: { insert: [], delete: [] },
  },
  'closedDates.set': {
    closed_date: {
      insert: [namedByInput('date', 'date')],
      update: { columns: ['reason'], checks: [namedByInput('date', 'date')] },
      delete: [namedByInput('date', 'date')],
    },
  },
  'ticketProducts.save': {
    ticket_product: {
      insert: [equals('deleted_at', null)],
      update: { columns: ['code', 'name', 'price_fen', 'cancellation_policy_json'] },
    },
    ticket_slot: { insert: [], update: { columns: ['start_time', 'end_time', 'capacity'] }, delete: [] },
  },
};
