/** What a handler receives and may do. Handlers never open transactions, audit or outbox rows themselves. */
import type { Kysely } from 'kysely';
import type { OperationName, OutputOf, ParsedInputOf } from '@shared/contract';
import type { AppError, Result } from '@shared/errors';
import type { Database } from '../../db/schema';
import type { Services } from '../services';
import type { Session } from '../session-holder';

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
}

export type Handler<N extends OperationName> = (ctx: HandlerContext, input: ParsedInputOf<N>) => Promise<OutputOf<N>>;

export type HandlerMap<N extends OperationName> = { [K in N]: Handler<K> };
