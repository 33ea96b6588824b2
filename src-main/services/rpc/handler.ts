/** What a handler receives and may do. Handlers never open transactions, audit or outbox rows themselves. */
import type { Kysely } from 'kysely';
import type { OperationName, OutputOf, ParsedInputOf } from '@shared/contract';
import type { AppError, Result } from '@shared/errors';
import type { Database } from '../../db/schema';
import type { Services } from '../services';
import type { Session } from '../session-holder';
import type { Signer } from '../auth/signing';

export interface AuditSubject {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Who approved a held operation, recorded beside it in the audit trail. */
export interface HeldApproval {
  requestId: string;
  deciders: { id: string; name: string; role: string; emergency: boolean }[];
}

export interface HandlerContext {
  /** Inside a mutation this is the mutation's transaction. */
  db: Kysely<Database>;
  services: Services;
  session: Session | null;
  now: Date;
  /** Names the entity the mutation changed, with its state before and after, for the audit entry. */
  audit(subject: AuditSubject): void;
  /** Replaces the session once the transaction has committed (sign-in, sign-out, lock). */
  setSessionAfterCommit(session: Session | null): void;
  /**
   * Commits what the handler wrote and then reports the error to the caller
   * (a wrong password still counts towards the lockout).
   */
  failAfterCommit(error: AppError): never;
  /**
   * Runs a held operation inside this mutation's transaction (a savepoint), as `requester` ran it,
   * with its own audit entry and outbox row. Its failure rolls back only its own writes.
   */
  runApproved(name: string, input: unknown, requester: Session, approval: HeldApproval): Promise<Result<unknown>>;
  /**
   * Someone other than the signed-in person answers for this mutation and the held operations it
   * runs: a supervisor who typed their password at the desk to approve here. They sign it.
   */
  signAs(signer: Signer): void;
}

/** Most handlers: one function, run inside the mutation's transaction (or on the database, for a query). */
export type PlainHandler<N extends OperationName> = (ctx: HandlerContext, input: ParsedInputOf<N>) => Promise<OutputOf<N>>;

/**
 * A mutation with a slow step that must never hold the desk's write transaction (a call to the
 * central server, up to 30 s): every other call goes on meanwhile. dispatch runs
 *   1. `check` in a short transaction of its own: what it writes commits (a password check clears
 *      or counts failures); a `failAfterCommit` is audited there as the call's outcome;
 *   2. `outside` with no transaction open: it must not write to the database;
 *   3. `apply` in the mutation's transaction, with its audit entry (and outbox row, if it syncs).
 * The three are not atomic: `apply` works from what `outside` brought back, not from what `check`
 * read. Staged runs of one desk go one after another; other calls are not held up by them.
 */
export interface StagedHandler<N extends OperationName, Checked, Answer> {
  check(ctx: HandlerContext, input: ParsedInputOf<N>): Promise<Checked>;
  outside(services: Services, checked: Checked, input: ParsedInputOf<N>): Promise<Answer>;
  apply(ctx: HandlerContext, input: ParsedInputOf<N>, answer: Answer): Promise<OutputOf<N>>;
}

export type Handler<N extends OperationName> = PlainHandler<N> | StagedHandler<N, unknown, unknown>;

export type HandlerMap<N extends OperationName> = { [K in N]: Handler<K> };

/** Declares a staged handler with what its steps hand each other inferred: `staged<'sync.enrol'>()({ check, outside, apply })`. */
export function staged<N extends OperationName>() {
  return <Checked, Answer>(steps: StagedHandler<N, Checked, Answer>): StagedHandler<N, Checked, Answer> => steps;
}
