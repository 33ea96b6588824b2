/** Guest profiles: intake with duplicate detection, the profile with stay history, search, and the high-risk deletion and export. */
import { z } from 'zod';
import type { BookingSummary } from './bookings';
import { mutation, query } from './define';
import { id } from './fields';
import { ID_TYPES, type IdType } from './tickets';
import { mayBeIdNumber } from '../rules/guest-fields';

export const SEGMENTS = ['business', 'leisure', 'family', 'group'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface GuestSummary {
  id: string;
  customerNo: string;
  name: string;
  /** Masked in lists (138****5678). */
  phone: string | null;
  segment: Segment;
}

export interface GuestProfile {
  id: string;
  customerNo: string;
  name: string;
  phone: string | null;
  email: string | null;
  idType: IdType | null;
  /** Masked; the full number only through guests.revealId (audited). */
  idNumber: string | null;
  segment: Segment;
  preferences: string;
  specialNeeds: string;
  temporary: boolean;
  createdAt: string;
  stays: BookingSummary[];
}

export interface QuickSearchResult {
  guests: GuestSummary[];
  bookings: BookingSummary[];
}

export interface GuestExport {
  fileName: string;
  csv: string;
  rows: number;
}

const guestQuery = z.string().trim().max(50);

const profileFields = {
  name: z.string().trim().min(1).max(40),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{5,20}$/)
    .nullable()
    .default(null),
  email: z.email().nullable().default(null),
  idType: z.enum(ID_TYPES).nullable().default(null),
  idNumber: z.string().trim().toUpperCase().min(4).max(30).nullable().default(null),
  segment: z.enum(SEGMENTS).default('leisure'),
  preferences: z.string().trim().max(500).default(''),
  specialNeeds: z.string().trim().max(500).default(''),
};

export const guestOperations = {
  'guests.create': mutation<GuestProfile>()({
    name: 'guests.create',
    input: z.object({
      ...profileFields,
      temporary: z.boolean().default(false),
      allowDuplicate: z.boolean().default(false),
    }),
    access: 'guests.manage',
    personal: ['phone', 'idNumber'],
  }),
  'guests.update': mutation<GuestProfile>()({
    name: 'guests.update',
    // An ID number left out keeps the one on file (the screen only ever holds the masked one).
    input: z.object({ id, ...profileFields, idNumber: profileFields.idNumber.unwrap().optional() }),
    access: 'guests.manage',
    personal: ['phone', 'idNumber'],
  }),
  'guests.get': query<GuestProfile>()({ name: 'guests.get', input: z.object({ id }), access: 'guests.view' }),
  /** Profiles sharing a phone or ID number with the one being entered. */
  'guests.duplicates': query<GuestSummary[]>()({
    name: 'guests.duplicates',
    input: z.object({
      phone: z.string().trim().max(20).nullable().default(null),
      idNumber: z.string().trim().toUpperCase().max(30).nullable().default(null),
    }),
    access: 'guests.view',
    personal: ['phone', 'idNumber'],
  }),
  /** The full ID number of a profile; every showing is audited. */
  'guests.revealId': mutation<{ idNumber: string | null }>()({
    name: 'guests.revealId',
    input: z.object({ id }),
    access: 'guests.viewId',
    sync: false,
  }),
  'search.quick': query<QuickSearchResult>()({
    name: 'search.quick',
    input: z.object({ q: z.string().trim().min(1).max(50), limit: z.number().int().min(1).max(50).default(10) }),
    access: 'guests.view',
    // A search by ID number is audited with what it found, never with the number.
    personal: ['q'],
    auditedWhen: ({ q }) => mayBeIdNumber(q),
  }),
  /** A page of the guest list in customer-number order: `offset` rows skipped, at most `limit` returned. */
  'guests.search': query<GuestSummary[]>()({
    name: 'guests.search',
    input: z.object({
      query: guestQuery.default(''),
      limit: z.number().int().min(1).max(101).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    access: 'guests.view',
  }),
  'guests.delete': mutation<{ id: string }>()({
    name: 'guests.delete',
    input: z.object({ id }),
    access: 'guests.delete',
  }),
  'guests.export': mutation<GuestExport>()({
    name: 'guests.export',
    input: z.object({ query: guestQuery.default('') }),
    access: 'guests.export',
  }),
};
