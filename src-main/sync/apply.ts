/**
 * Writes rows that come from the server into the desk's tables: pulled pages, and the server's
 * rows that undo a refused mutation. Synchronous on the raw connection, inside one transaction
 * with foreign keys off (a page may hold a child before its parent's latest version); the
 * caller holds the database connection so nothing else interleaves.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Effect } from '@shared/sync/protocol';
import { keepQueuedBeforeImages } from './before-images';
import { isSyncedTable, keyValues, syncedTable, type SyncRow } from '@shared/sync/tables';

type Value = string | number | bigint | Buffer | null;

export class RowWriter {
  private readonly columns = new Map<string, Set<string>>();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly deviceId: string,
  ) {}

  /** Server rows win: insert, update the columns that differ, or delete. Own audit entries are already here. */
  write(effect: Effect): void {
    const { table, key, row } = effect;
    if (table === 'audit_log') {
      if (row && row.device_id !== this.deviceId) this.insertRemoteAudit(row);
      return;
    }
    if (!isSyncedTable(table)) return;
    if (row === null) {
      this.statement(`DELETE FROM ${table} WHERE ${this.where(table)}`).run(...(keyValues(table, key) as Value[]));
      return;
    }
    const existing = this.current(table, key);
    const known = this.columnsOf(table);
    const local = new Set(syncedTable(table).local ?? []);
    const columns = Object.keys(row).filter((column) => known.has(column) && !local.has(column));
    if (!existing) {
      this.statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
        ...columns.map((c) => toValue(row[c])),
      );
      return;
    }
    const changed = columns.filter((column) => existing[column] !== toValue(row[column]));
    if (changed.length === 0) return;
    this.statement(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE ${this.where(table)}`).run(
      ...changed.map((c) => toValue(row[c])),
      ...(keyValues(table, key) as Value[]),
    );
  }

  /** The row a key holds on this desk now, or null. */
  current(table: string, key: string): SyncRow | null {
    return (
      (this.statement(`SELECT * FROM ${table} WHERE ${this.where(table)}`).get(
        ...(keyValues(table, key) as Value[]),
      ) as SyncRow | undefined) ?? null
    );
  }

  private insertRemoteAudit(row: SyncRow): void {
    const columns = Object.keys(row).filter((column) => this.columnsOf('audit_remote').has(column));
    this.statement(
      `INSERT OR IGNORE INTO audit_remote (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => toValue(row[c])));
  }

  private where(table: string): string {
    return syncedTable(table)
      .key.map((column) => `${column} = ?`)
      .join(' AND ');
  }

  private columnsOf(table: string): Set<string> {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = new Set((this.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
      this.columns.set(table, columns);
    }
    return columns;
  }

  private statement(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

function toValue(value: unknown): Value {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  return JSON.stringify(value);
}

/**
 * Runs `write` in one transaction with foreign keys off. The keys its writes touch are forgotten
 * (they are the server's, not the desk's own); keys touched before it stay queued. It may take back
 * the desk's own never-synced ledger entries (a refused redemption undone with the server's rows).
 */
export function inServerTransaction(sqlite: BetterSqlite3.Database, write: () => void): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      const queued = queuedTouches(sqlite);
      sqlite.prepare('UPDATE sync_undo SET active = 1 WHERE id = 1').run();
      write();
      sqlite.prepare('UPDATE sync_undo SET active = 0 WHERE id = 1').run();
      keepOnlyQueued(sqlite, queued);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export interface Touched {
  table_name: string;
  row_key: string;
}

/** The keys the desk wrote outside any mutation and has not queued yet. */
export function queuedTouches(sqlite: BetterSqlite3.Database): Touched[] {
  return sqlite.prepare('SELECT table_name, row_key FROM sync_touched').all() as Touched[];
}

/** After writing the server's rows: the keys they touched are the server's, not the desk's; only `queued` stay, with their before-images. */
export function keepOnlyQueued(sqlite: BetterSqlite3.Database, queued: readonly Touched[]): void {
  sqlite.prepare('DELETE FROM sync_touched').run();
  const keep = sqlite.prepare('INSERT INTO sync_touched (table_name, row_key) VALUES (?, ?)');
  for (const touched of queued) keep.run(touched.table_name, touched.row_key);
  keepQueuedBeforeImages(sqlite);
}
