/** Guest profiles: a first search, and the two high-risk operations the approval engine guards. */
import { z } from 'zod';
import { mutation, query } from './define';
import { id } from './fields';

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

export interface GuestExport {
  fileName: string;
  csv: string;
  rows: number;
}

const guestQuery = z.string().trim().max(50);

export const guestOperations = {
  'guests.search': query<GuestSummary[]>()({
    name: 'guests.search',
    input: z.object({ query: guestQuery.default(''), limit: z.number().int().min(1).max(100).default(50) }),
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
