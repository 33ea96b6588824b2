/**
 * What the sync needs of a desk: its database (through Kysely and the raw connection), its
 * identity, the clock, and a way to run one of its pending intents again when a rebase asks.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Result } from '@shared/errors';
import type { Database } from '../db/schema';
import type { Clock } from '../services/clock';
import type { Made } from '../services/made';

/** A pending intent as a rebase runs it again. */
export interface Intent {
  /** The intent's id: the same through every rebase, as its signature covers it. */
  id: string;
  name: string;
  input: unknown;
  actorId: string | null;
  approvalId: string | null;
  at: Date;
  signedBy: string | null;
  signature: string | null;
  /** What its first run made (ids, numbers), made again the same. */
  made: Made;
}

/** Runs an intent again in an open transaction (the desk's dispatch, given by the host). */
export type Rerun = (trx: ControlledTransaction<Database>, intent: Intent) => Promise<Result<unknown>>;

export interface SyncHost {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  device: { id: string; code: string };
  clock: Clock;
  rerun: Rerun;
}
