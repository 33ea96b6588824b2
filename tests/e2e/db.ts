/** Reads a desk's SQLite file directly (read-only), to prove what a screen did or did not change; sets up a state no screen makes. */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const TABLES = ['staff', 'role_permission', 'outbox', 'property'] as const;

export function businessRowCounts(dataDir: string): Record<(typeof TABLES)[number], number> {
  const db = new BetterSqlite3(path.join(dataDir, 'yingbin.db'), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
    ) as Record<(typeof TABLES)[number], number>;
  } finally {
    db.close();
  }
}

export function auditOutcomes(dataDir: string, operation: string): string[] {
  const db = new BetterSqlite3(path.join(dataDir, 'yingbin.db'), { readonly: true });
  try {
    return (
      db.prepare('SELECT outcome FROM audit_log WHERE operation = ? ORDER BY seq').all(operation) as {
        outcome: string;
      }[]
    ).map((r) => r.outcome);
  } finally {
    db.close();
  }
}

/**
 * Puts a desk's business date back, as if its night audits had not run since (the harness keeps
 * the file open; WAL lets this write go in beside it).
 */
export function setBusinessDate(dataDir: string, date: string): void {
  const db = new BetterSqlite3(path.join(dataDir, 'yingbin.db'));
  try {
    db.prepare("UPDATE setting SET value_json = ? WHERE key = 'businessDate'").run(JSON.stringify(date));
  } finally {
    db.close();
  }
}
