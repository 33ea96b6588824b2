/**
 * What a running desk is made of: its database (Kysely and the raw connection), its identity, the
 * clock, who is signed in, its backups, its sync, its vault and its events. Made once by
 * createServices (services.ts); the dispatch and the hosts hold it, handlers get narrow ports of it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SyncEngine } from '../sync/engine';
import type { Vault } from '../vault/vault';
import type { BackupScheduler } from './backup/scheduler';
import type { Clock } from './clock';
import type { DeskEvents } from './desk-events';
import type { SessionHolder } from './session-holder';

export interface Services {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  device: { id: string; code: string };
  clock: Clock;
  sessions: SessionHolder;
  backups: BackupScheduler;
  sync: SyncEngine;
  vault: Vault;
  events: DeskEvents;
  close(): Promise<void>;
}
