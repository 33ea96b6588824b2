/** Compensation strings of the complaint screens. */
import type { compensationZhCN } from './compensation-zh-CN';

export const compensationEn: typeof compensationZhCN = {
  title: 'Compensation',
  kind: 'Compensation',
  kinds: {
    refund: 'Refund',
    points: 'Bonus points',
    free_night: 'Free night',
    upgrade: 'Free upgrade',
    voucher: 'Voucher',
  },
  amount: 'Amount (yuan)',
  points: 'Points',
  note: 'Note',
  noteHint: 'What was given and why; it goes on the ticket’s timeline',
  hints: {
    refund: 'Back on the complaint’s booking, by the method most of it was paid with, up to what was paid',
    points: 'Credited to the guest’s member account',
    free_night: 'Recorded at its value; given at the desk',
    upgrade: 'Recorded at its value; given at the desk',
    voucher: 'Recorded at its value; given at the desk',
  },
  needsBooking: 'The complaint names no booking: no refund',
  needsGuest: 'The complaint names no guest: no points',
  approvalHint: 'Compensation beyond your authority goes for approval first and takes effect once approved',
  submit: 'Give compensation',
  subject: '{{number}} · {{kind}}',
  done: 'Compensation recorded',
};
