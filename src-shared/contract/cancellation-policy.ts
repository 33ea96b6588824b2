/** The cancellation policy as a rate plan or ticket product declares it (validated); the rule reading it is in rules/cancellation.ts. */
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const fen = z.number().int().min(0).max(100_000_000);

export const penaltySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal('first_night') }),
  z.object({ kind: z.literal('nights'), nights: z.number().int().min(1).max(90) }),
  z.object({ kind: z.literal('fixed'), amountFen: fen }),
  z.object({ kind: z.literal('none') }),
]);

export const deadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local_time'), daysBefore: z.number().int().min(0).max(60), time }),
  z.object({
    kind: z.literal('hours_before'),
    hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
  z.object({
    kind: z.literal('minutes_before'),
    minutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
]);

export const cancellationPolicySchema = z.object({
  graceHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .nullable(),
  tiers: z.array(z.object({ from: deadlineSchema, penalty: penaltySchema })).max(5),
  noShow: penaltySchema,
  nonRefundable: z.boolean(),
});
