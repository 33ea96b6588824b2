/**
 * The one wrapper every operation goes through, whatever the transport (IPC or HTTP):
 * session → permission → input parse → approval gate → handler. A mutation runs in one
 * transaction that also writes its audit entry and (for synced operations) its outbox row;
 * in-memory session changes are applied only after that transaction commits.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { isOperationName, operations, type OperationDef } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import { isPermission } from '@shared/permissions';
import { isIdleExpired } from '@shared/rules/idle-lock';
import type { Database } from '../../db/schema';
import { requirementsForCall } from '../approvals/gate';
import { appendAudit } from '../audit/chain';
import { handlers } from '../handlers';
import { queueMutation, takeCheckedEffects } from '../outbox';
import { restoreStrayImages, setStrayImagesAside } from '../../sync/before-images';
import { touchedMark } from '../../sync/effects';
import { hasPermission } from '../permissions';
import type { Signer } from '../auth/signing';
import { recordingMade, type Made } from '../made';
import type { Services } from '../desk-services';
import type { Session } from '../session-holder';
import type { AuditSubject, HandlerContext, HeldApproval } from './handler';
import { sealPersonal } from './personal-input';
import { redact } from './redact';
import { parseInput } from './parse-input';

class CommitThenFail extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

type AnyHandler = (ctx: HandlerContext, input: unknown) => Promise<unknown>;
/** A StagedHandler with what its steps hand each other erased (dispatch only passes it along). */
interface AnyStaged {
  check(ctx: HandlerContext, input: unknown): Promise<unknown>;
  outside(services: Services, checked: unknown, input: unknown): Promise<unknown>;
  apply(ctx: HandlerContext, input: unknown, answer: unknown): Promise<unknown>;
}

async function isSetUp(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('property').select('id').executeTakeFirst()) !== undefined;
}

async function idleLockMinutes(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('property').select('idle_lock_minutes').executeTakeFirst();
  return row?.idle_lock_minutes ?? null;
}

/** Secrets and personal data never reach the audit trail. */
function auditRedactions(op: OperationDef): readonly string[] {
  return [...(op.redact ?? []), ...(op.personal ?? [])];
}

function actorOf(session: Session | null) {
  return session ? { id: session.staffId, name: session.username } : null;
}

async function recordDenied(
  services: Services,
  op: OperationDef,
  session: Session | null,
  rawInput: unknown,
  now: Date,
  reason: string,
) {
  await services.db.transaction().execute((trx) =>
    appendAudit(trx, services.vault.audit, {
      at: now,
      deviceId: services.device.id,
      actor: actorOf(session),
      operation: op.name,
      outcome: 'denied',
      detail: { input: redact(rawInput, auditRedactions(op)), error: reason },
    }),
  );
}

/** Refuses the call unless the desk's session may run it; locks an idle session on the way. */
async function checkAccess(services: Services, op: OperationDef, rawInput: unknown, now: Date): Promise<void> {
  const session = services.sessions.current;
  if (session && !session.locked) {
    const minutes = await idleLockMinutes(services.db);
    if (minutes !== null && isIdleExpired(session.lastActivityAt, minutes, now)) session.locked = true;
  }
  if (op.access === 'public' || (op.publicBeforeSetUp && !(await isSetUp(services.db)))) return;
  if (!session) {
    // A read with nobody signed in is a screen still polling after sign-out (approvals.counts):
    // no person acted, so it is not worth an entry. A change tried without a session is.
    if (op.kind === 'mutation') await recordDenied(services, op, null, rawInput, now, 'NOT_SIGNED_IN');
    throw new AppError('NOT_SIGNED_IN');
  }
  if (session.locked && !op.allowWhenLocked) {
    // A change tried at a locked desk is someone acting for the person who stepped away; screens' reads are not worth an entry.
    if (op.kind === 'mutation') await recordDenied(services, op, session, rawInput, now, 'SESSION_LOCKED');
    throw new AppError('SESSION_LOCKED');
  }
  if (isPermission(op.access) && !(await hasPermission(services.db, session.role, op.access))) {
    await recordDenied(services, op, session, rawInput, now, 'PERMISSION_DENIED');
    throw new AppError('PERMISSION_DENIED', { permission: op.access });
  }
}

export async function dispatch(services: Services, name: string, rawInput: unknown): Promise<Result<unknown>> {
  const now = services.clock.now();
  try {
    if (!isOperationName(name)) throw new AppError('UNKNOWN_OPERATION', { name: String(name).slice(0, 80) });
    const op: OperationDef = operations[name];
    await checkAccess(services, op, rawInput, now);
    const input = parseInput(op, rawInput);
    const session = services.sessions.current;
    const handler = handlers[name] as AnyHandler | AnyStaged;

    let value: unknown;
    if (op.kind === 'query' && !op.auditedWhen?.(input)) {
      value = await (handler as AnyHandler)(makeContext(services, services.db, null, session, now).ctx, input);
    } else if (op.kind === 'query') {
      // A read of personal data (a search by ID number) writes its audit entry, as a mutation does.
      value = await runMutation(services, op, handler as AnyHandler, input, session, now);
    } else {
      if (session) {
        const required = await requirementsForCall(services.db, name, input, session.role, now);
        if (required.approverRole || required.dualReview) {
          throw new AppError('APPROVAL_REQUIRED', {
            role: required.approverRole ?? '',
            dualReview: required.dualReview ? 1 : 0,
          });
        }
      }
      value =
        typeof handler === 'function'
          ? await runMutation(services, op, handler, input, session, now)
          : await runStaged(services, op, handler, input, session, now);
    }
    if (session && op.activity && !op.allowWhenLocked && services.sessions.current === session)
      session.lastActivityAt = now;
    if (op.kind === 'mutation') services.events.afterMutation(name);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toValue() };
    console.error(`[rpc] ${name} failed`, error);
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}

const UNCHANGED = Symbol('unchanged');
let savepoints = 0;

/** A held operation's outbox row, queued after the approving mutation's own (the server must see the decision before what it allowed). */
export type HeldOutbox = () => Promise<unknown>;

/** A held operation run on approval: who approved, where its outbox row waits, who signs it (the approver at hand). */
export type RunningApproval = HeldApproval & { queue: HeldOutbox[]; signer: Signer | null };

/** An intent run again on a rebase keeps what was signed: its id, its time and the signature. */
export interface Replayed {
  id: string;
  /** The name it was signed under (an operation renamed since keeps it, src-shared/sync/renamed-operations.ts). */
  name: string;
  signedBy: string | null;
  signature: string | null;
  /** What its first run made, made again the same. */
  made: Made;
  /** Its input as it was signed (personal fields sealed). */
  input: unknown;
}

export interface ExecuteOptions {
  approval?: RunningApproval;
  /** 'check': the first step of a staged mutation, which writes its audit entry and outbox row only when it fails. */
  step?: MutationStep;
  replayed?: Replayed;
}

function makeContext(
  services: Services,
  db: Kysely<Database>,
  trx: ControlledTransaction<Database> | null,
  session: Session | null,
  now: Date,
) {
  const state: {
    subject: AuditSubject | null;
    nextSession: Session | null | typeof UNCHANGED;
    held: HeldOutbox[];
    signer: Signer | null;
    afterCommit: (() => void)[];
  } = {
    subject: null,
    nextSession: UNCHANGED,
    held: [],
    signer: null,
    afterCommit: [],
  };
  const ctx: HandlerContext = {
    db,
    device: services.device,
    vault: services.vault,
    sync: services.sync,
    backups: services.backups,
    clock: services.clock,
    session,
    now,
    audit: (subject) => {
      state.subject = subject;
    },
    afterCommit: (effect) => {
      state.afterCommit.push(effect);
    },
    setSessionAfterCommit: (next) => {
      state.nextSession = next;
      ctx.afterCommit(() => services.sessions.set(next));
    },
    failAfterCommit: (error) => {
      throw new CommitThenFail(error);
    },
    signAs: (signer) => {
      state.signer = signer;
    },
    runApproved: async (name, input, requester, approval) => {
      if (!trx) throw new Error('runApproved needs a mutation transaction');
      if (!isOperationName(name)) throw new AppError('NOT_APPROVABLE');
      const op: OperationDef = operations[name];
      const point = `held_${++savepoints}`;
      const inner = await trx.savepoint(point).execute();
      try {
        const signer = state.signer ?? session?.signer ?? null;
        const { value, failure } = await executeInTransaction(
          services,
          inner,
          op,
          handlers[name] as AnyHandler,
          parseInput(op, input),
          requester,
          now,
          {
            approval: { ...approval, queue: state.held, signer },
          },
        );
        if (failure) throw failure;
        await inner.releaseSavepoint(point).execute();
        return { ok: true, value };
      } catch (error) {
        await inner.rollbackToSavepoint(point).execute();
        if (error instanceof AppError) return { ok: false, error: error.toValue() };
        throw error;
      }
    },
  };
  return { ctx, state };
}

/**
 * Runs a mutation's handler inside an open transaction and writes its audit entry and outbox row,
 * the intent signed by the person who answers for it (the signed-in person, or an approver).
 * Returns the effects to run once the transaction commits; a held operation or an intent run
 * again on a rebase ran as someone other than the desk's session, and its effects are not run.
 */
export async function executeInTransaction(
  services: Services,
  trx: ControlledTransaction<Database>,
  op: OperationDef,
  handler: AnyHandler,
  input: unknown,
  session: Session | null,
  now: Date,
  { approval, step = 'whole', replayed }: ExecuteOptions = {},
) {
  const { ctx, state } = makeContext(services, trx, trx, session, now);
  const mark = await touchedMark(trx);
  let value: unknown;
  let failure: AppError | null = null;
  let made: Made = { ids: [], numbers: [] };
  try {
    ({ value, made } = await recordingMade(replayed?.made ?? null, () => handler(ctx, input)));
  } catch (error) {
    if (!(error instanceof CommitThenFail)) throw error;
    failure = error.error;
  }
  if (step === 'check' && !failure) return { value, failure, afterCommit: state.afterCommit };
  const nextSession = state.nextSession === UNCHANGED ? session : state.nextSession;
  const subject = state.subject;
  await appendAudit(trx, services.vault.audit, {
    at: now,
    deviceId: services.device.id,
    actor: actorOf(session ?? nextSession),
    operation: op.name,
    outcome: failure ? 'failed' : 'ok',
    entityType: subject?.entityType,
    entityId: subject?.entityId,
    detail: {
      input: redact(input, auditRedactions(op)),
      ...(subject?.before !== undefined && { before: subject.before }),
      ...(subject?.after !== undefined && { after: subject.after }),
      ...(failure && { error: failure.code }),
      ...(approval && { approval: { requestId: approval.requestId, deciders: approval.deciders } }),
    },
  });
  if (!failure && op.sync) {
    const intent = {
      id: replayed?.id ?? uuidv7(),
      name: replayed?.name ?? op.name,
      actorId: session?.staffId ?? null,
      approvalId: approval?.requestId ?? null,
      input: replayed ? replayed.input : await sealPersonal(services, trx, redact(input, op.redact), op.personal),
      at: now.toISOString(),
    };
    const signer = approval ? approval.signer : (state.signer ?? session?.signer ?? null);
    const entry = {
      ...intent,
      ...(replayed
        ? { signedBy: replayed.signedBy, signature: replayed.signature }
        : { signedBy: signer?.staffId ?? null, signature: signer?.sign(intent) ?? null }),
    };
    const actor = session && {
      id: session.staffId,
      username: session.username,
      displayName: session.displayName,
      role: session.role,
    };
    const effects = {
      ...(await takeCheckedEffects(trx, op.name, { actor, deviceId: services.device.id, input: entry.input }, mark)),
      made,
    };
    const queue = () => queueMutation(trx, services.device.id, entry, effects, now);
    if (approval) approval.queue.push(queue);
    else {
      await queue();
      for (const held of state.held.splice(0)) await held();
    }
  }
  return { value, failure, afterCommit: state.afterCommit };
}

async function runMutation(
  services: Services,
  op: OperationDef,
  handler: AnyHandler,
  input: unknown,
  session: Session | null,
  now: Date,
  step: MutationStep = 'whole',
): Promise<unknown> {
  const trx = await services.db.startTransaction().execute();
  await setStrayImagesAside(trx);
  let outcome: Awaited<ReturnType<typeof executeInTransaction>>;
  try {
    outcome = await executeInTransaction(services, trx, op, handler, input, session, now, { step });
    await restoreStrayImages(trx);
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  for (const effect of outcome.afterCommit) effect();
  if (outcome.failure) throw outcome.failure;
  return outcome.value;
}

type MutationStep = 'whole' | 'check';

/** The staged runs of each desk, one after another (a second enrolment waits for the first to be applied). */
const stagedRuns = new WeakMap<Services, Promise<unknown>>();

/** A staged mutation (see StagedHandler): checks, the slow step with no transaction open, then the effect. */
function runStaged(
  services: Services,
  op: OperationDef,
  handler: AnyStaged,
  input: unknown,
  session: Session | null,
  now: Date,
): Promise<unknown> {
  const run = async () => {
    const checked = await runMutation(
      services,
      op,
      (ctx, parsed) => handler.check(ctx, parsed),
      input,
      session,
      now,
      'check',
    );
    const answer = await handler.outside(services, checked, input);
    // Other calls committed meanwhile: the effect and its audit entry bear the time they happen.
    return runMutation(
      services,
      op,
      (ctx, parsed) => handler.apply(ctx, parsed, answer),
      input,
      session,
      services.clock.now(),
    );
  };
  const previous = stagedRuns.get(services) ?? Promise.resolve();
  const result = previous.then(run, run);
  stagedRuns.set(
    services,
    result.catch(() => undefined),
  );
  return result;
}
