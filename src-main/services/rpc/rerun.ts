/**
 * Runs a pending intent again, as its actor ran it and at the time they ran it, inside an open
 * transaction (under a savepoint): how a desk rebases its offline work on the server's newer
 * state. The handler decides afresh — one implementation of each rule — and writes a new audit
 * entry and outbox row; a refusal rolls back only this intent's writes and is returned.
 */
import type { ControlledTransaction } from 'kysely';
import { isOperationName, operations, type OperationDef } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import { currentOperationName } from '@shared/sync/renamed-operations';
import type { Database } from '../../db/schema';
import { heldApprovalOf } from '../approvals/requests';
import { newSession } from '../auth/session-info';
import { handlers } from '../handlers';
import type { Services } from '../desk-services';
import { executeInTransaction, type HeldOutbox } from './dispatch';
import { parseInput } from './parse-input';
import { openPersonal } from './personal-input';
import type { Intent } from '../../sync/host';

let savepoints = 0;

export async function rerunIntent(
  services: Services,
  trx: ControlledTransaction<Database>,
  intent: Intent,
): Promise<Result<unknown>> {
  // Run as the operation it is now; it keeps the name it was signed under.
  const name = currentOperationName(intent.name);
  const found = isOperationName(name) ? handlers[name] : undefined;
  const handler = typeof found === 'function' ? found : found?.rerun;
  if (!isOperationName(name) || handler === undefined)
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', params: { name: intent.name } } };
  const op: OperationDef = operations[name];
  const actor =
    intent.actorId === null
      ? undefined
      : await trx.selectFrom('staff').selectAll().where('id', '=', intent.actorId).executeTakeFirst();
  if (!actor || actor.active !== 1 || actor.deleted_at !== null) return { ok: false, error: { code: 'NOT_SIGNED_IN' } };
  const queue: HeldOutbox[] = [];
  const approval =
    intent.approvalId === null ? undefined : { ...(await heldApprovalOf(trx, intent.approvalId)), queue, signer: null };
  const replayed = {
    id: intent.id,
    name: intent.name,
    signedBy: intent.signedBy,
    signature: intent.signature,
    made: intent.made,
    input: intent.input,
  };

  const point = `rerun_${++savepoints}`;
  const inner = await trx.savepoint(point).execute();
  try {
    const { value, failure } = await executeInTransaction(
      services,
      inner,
      op,
      handler as never,
      parseInput(op, await openPersonal(services, inner, intent.input, op.personal)),
      newSession(actor, intent.at, null),
      intent.at,
      { approval, replayed },
    );
    if (failure) throw failure;
    for (const held of queue) await held();
    await inner.releaseSavepoint(point).execute();
    return { ok: true, value };
  } catch (error) {
    await inner.rollbackToSavepoint(point).execute();
    if (error instanceof AppError) return { ok: false, error: error.toValue() };
    throw error;
  }
}
