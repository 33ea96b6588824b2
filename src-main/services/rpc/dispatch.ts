/**
 * The one wrapper every operation goes through, whatever the transport (IPC or HTTP):
 * session → permission → input parse → handler. A mutation runs in one transaction that also
 * writes its audit entry and (for synced operations) its outbox row; in-memory session changes
 * are applied only after that transaction commits.
 */
import type { Kysely } from 'kysely';
import { isOperationName, operations, type OperationDef } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import { isPermission, type Permission, type Role } from '@shared/permissions';
import { isIdleExpired } from '@shared/rules/idle-lock';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit/chain';
import { handlers } from '../handlers';
import { appendOutbox } from '../outbox';
import type { Services } from '../services';
import type { Session } from '../session-holder';
import type { AuditSubject, HandlerContext } from './handler';
import { redact } from './redact';

class CommitThenFail extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

export async function hasPermission(db: Kysely<Database>, role: Role, permission: Permission): Promise<boolean> {
  const row = await db.selectFrom('role_permission').select('role').where('role', '=', role).where('permission', '=', permission).executeTakeFirst();
  return row !== undefined;
}

async function idleLockMinutes(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom('property').select('idle_lock_minutes').executeTakeFirst();
  return row?.idle_lock_minutes ?? null;
}

function actorOf(session: Session | null) {
  return session ? { id: session.staffId, name: session.username } : null;
}

async function recordDenied(services: Services, op: OperationDef, session: Session | null, rawInput: unknown, now: Date, reason: string) {
  await services.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now,
      deviceId: services.device.id,
      actor: actorOf(session),
      operation: op.name,
      outcome: 'denied',
      detail: { input: redact(rawInput, op.redact), error: reason },
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
  if (op.access === 'public') return;
  if (!session) {
    await recordDenied(services, op, null, rawInput, now, 'NOT_SIGNED_IN');
    throw new AppError('NOT_SIGNED_IN');
  }
  if (session.locked && !op.allowWhenLocked) throw new AppError('SESSION_LOCKED');
  if (isPermission(op.access) && !(await hasPermission(services.db, session.role, op.access))) {
    await recordDenied(services, op, session, rawInput, now, 'PERMISSION_DENIED');
    throw new AppError('PERMISSION_DENIED', { permission: op.access });
  }
}

function parseInput(op: OperationDef, rawInput: unknown): unknown {
  const parsed = op.input.safeParse(rawInput ?? {});
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(input)'))];
  throw new AppError('INPUT_INVALID', { fields: fields.join(', ') }, fields);
}

export async function dispatch(services: Services, name: string, rawInput: unknown): Promise<Result<unknown>> {
  const now = services.clock.now();
  try {
    if (!isOperationName(name)) throw new AppError('UNKNOWN_OPERATION', { name: String(name).slice(0, 80) });
    const op: OperationDef = operations[name];
    await checkAccess(services, op, rawInput, now);
    const input = parseInput(op, rawInput);
    const session = services.sessions.current;
    const handler = handlers[name] as (ctx: HandlerContext, input: unknown) => Promise<unknown>;

    let value: unknown;
    if (op.kind === 'query') {
      value = await handler(makeContext(services, services.db, session, now).ctx, input);
    } else {
      value = await runMutation(services, op, handler, input, session, now);
    }
    if (session && !op.allowWhenLocked && services.sessions.current === session) session.lastActivityAt = now;
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toValue() };
    console.error(`[rpc] ${name} failed`, error);
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}

const UNCHANGED = Symbol('unchanged');

function makeContext(services: Services, db: Kysely<Database>, session: Session | null, now: Date) {
  const state: { subject: AuditSubject | null; nextSession: Session | null | typeof UNCHANGED } = { subject: null, nextSession: UNCHANGED };
  const ctx: HandlerContext = {
    db,
    services,
    session,
    now,
    audit: (subject) => {
      state.subject = subject;
    },
    setSessionAfterCommit: (next) => {
      state.nextSession = next;
    },
    failAfterCommit: (error) => {
      throw new CommitThenFail(error);
    },
  };
  return { ctx, state };
}

async function runMutation(
  services: Services,
  op: OperationDef,
  handler: (ctx: HandlerContext, input: unknown) => Promise<unknown>,
  input: unknown,
  session: Session | null,
  now: Date,
): Promise<unknown> {
  const trx = await services.db.startTransaction().execute();
  const { ctx, state } = makeContext(services, trx, session, now);
  let value: unknown;
  let failure: AppError | null = null;
  try {
    try {
      value = await handler(ctx, input);
    } catch (error) {
      if (!(error instanceof CommitThenFail)) throw error;
      failure = error.error;
    }
    const nextSession = state.nextSession === UNCHANGED ? session : state.nextSession;
    const subject = state.subject;
    await appendAudit(trx, {
      at: now,
      deviceId: services.device.id,
      actor: actorOf(session ?? nextSession),
      operation: op.name,
      outcome: failure ? 'failed' : 'ok',
      entityType: subject?.entityType,
      entityId: subject?.entityId,
      detail: {
        input: redact(input, op.redact),
        ...(subject?.before !== undefined && { before: subject.before }),
        ...(subject?.after !== undefined && { after: subject.after }),
        ...(failure && { error: failure.code }),
      },
    });
    if (!failure && op.sync) await appendOutbox(trx, services.device.id, op.name, redact(input, op.redact), now);
    await trx.commit().execute();
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  if (state.nextSession !== UNCHANGED) services.sessions.set(state.nextSession);
  if (failure) throw failure;
  return value;
}
