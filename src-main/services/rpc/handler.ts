/** What a handler receives and may do. Handlers never open transactions, audit or outbox rows themselves. */
import type { Kysely } from 'kysely';
import type { OperationName, Operations, OutputOf, ParsedInputOf } from '@shared/contract';
import type { AppError, Result } from '@shared/errors';
import type { Database } from '../../db/schema';
import type { SyncEngine } from '../../sync/engine';
import type { Vault } from '../../vault/vault';
import type { BackupScheduler } from '../backup/scheduler';
import type { Clock } from '../clock';
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

/** The parts of the desk a handler may reach besides its database, each no wider than handlers use. */
export interface DeskPorts {
  device: { id: string; code: string };
  vault: Vault;
  sync: Pick<SyncEngine, 'status' | 'requestNow' | 'tokens' | 'auditCheckpoint' | 'fetchChunks'>;
  backups: Pick<BackupScheduler, 'status' | 'run' | 'recordSecondCopy' | 'folder' | 'setFolder' | 'setSecondLocation'>;
  clock: Clock;
}

export interface HandlerContext extends DeskPorts {
  /** Inside a mutation this is the mutation's transaction. */
  db: Kysely<Database>;
  session: Session | null;
  now: Date;
  /** Names the entity the mutation changed, with its state before and after, for the audit entry. */
  audit(subject: AuditSubject): void;
  /**
   * Runs `effect` once the mutation's transaction has committed (never if it rolls back): what
   * lives outside the database (the session, a sync run) follows only what was kept. In order.
   */
  afterCommit(effect: () => void): void;
  /** Replaces the session once the transaction has committed (sign-in, sign-out, lock); the audit entry names who it holds. */
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

/** The context of an operation that never runs without a session: dispatch refuses it first. */
export interface SignedInContext extends HandlerContext {
  session: Session;
}

/**
 * What an operation's handler gets: a signed-in context unless the contract lets it run without a
 * session ('public' access, or any access while the desk is not yet set up).
 */
export type ContextOf<N extends OperationName> = Operations[N]['access'] extends 'public'
  ? HandlerContext
  : Operations[N] extends { readonly publicBeforeSetUp?: true }
    ? HandlerContext
    : SignedInContext;

/** Most handlers: one function, run inside the mutation's transaction (or on the database, for a query). */
export type PlainHandler<N extends OperationName> = (
  ctx: ContextOf<N>,
  input: ParsedInputOf<N>,
) => Promise<OutputOf<N>>;

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
  check(ctx: ContextOf<N>, input: ParsedInputOf<N>): Promise<Checked>;
  outside(desk: DeskPorts, checked: Checked, input: ParsedInputOf<N>): Promise<Answer>;
  apply(ctx: ContextOf<N>, input: ParsedInputOf<N>, answer: Answer): Promise<OutputOf<N>>;
  /**
   * A staged mutation that syncs says how its intent runs again on a sync rebase, in the rebase's
   * transaction with no server call (a plaintext download: the allowance checked and used again).
   * Without it, a rebase cannot run the intent again and it becomes a work item.
   */
  rerun?: PlainHandler<N>;
}

export type Handler<N extends OperationName> = PlainHandler<N> | StagedHandler<N, unknown, unknown>;

export type HandlerMap<N extends OperationName> = { [K in N]: Handler<K> };

/** Declares a staged handler with what its steps hand each other inferred: `staged<'sync.enrol'>()({ check, outside, apply })`. */
export function staged<N extends OperationName>() {
  return <Checked, Answer>(steps: StagedHandler<N, Checked, Answer>): StagedHandler<N, Checked, Answer> => steps;
}
