/**
 * Satisfaction call-backs (满意度回访) for the service reps: the list, and recording one call on a
 * task. What a call makes of the task is the pure rule afterAttempt (src-shared/rules/callbacks.ts),
 * the same one the write rule of `callbacks.record` holds the row to. Tasks are scheduled by the
 * steps that call for them (./schedule.ts), not here.
 */
import { AppError } from '@shared/errors';
import { afterAttempt } from '@shared/rules/callbacks';
import type { HandlerMap } from '../rpc/handler';
import { callbackRow, listCallbacks, loadCallback } from './read';

export const callbackHandlers: HandlerMap<'callbacks.list' | 'callbacks.record'> = {
  'callbacks.list': async (ctx, { view }) => listCallbacks(ctx.db, view, ctx.now),

  'callbacks.record': async (ctx, input) => {
    const row = await callbackRow(ctx.db, input.id);
    if (row.status === 'done') throw new AppError('CALLBACK_DONE');
    // A time to call again that has already passed is a slip of the picker, not the guest's wish.
    if (input.callAgainAt !== null && Date.parse(input.callAgainAt) <= ctx.now.getTime())
      throw new AppError('INPUT_INVALID', undefined, ['callAgainAt']);
    const at = ctx.now.toISOString();
    const after = afterAttempt(row, {
      outcome: input.outcome,
      score: input.score,
      words: input.words,
      callAgainAt: input.callAgainAt,
      at,
      staffId: ctx.session.staffId,
    });
    await ctx.db
      .updateTable('callback')
      .set({ ...after, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    ctx.audit({
      entityType: 'callback',
      entityId: row.id,
      before: { status: row.status, attempts: row.attempts },
      after: {
        status: after.status,
        attempts: after.attempts,
        outcome: input.outcome,
        ...(after.score !== null && { score: after.score }),
        ...(after.call_again_at !== null && { callAgainAt: after.call_again_at }),
      },
    });
    return loadCallback(ctx.db, row.id);
  },
};
