/**
 * The desk numbers its mutations 1, 2, 3… and the server keeps, per desk, the last number it
 * took. A desk restored from an older backup would number new work with numbers the server already
 * holds other mutations under. So a restore leaves a wide gap after the restored desk's last
 * number: its next mutation's number is far ahead of anything the server holds, the server answers
 * SEQ_GAP with its own last number, and the desk numbers its pending work on from there. A desk
 * restored some other way (its files copied back by hand) is caught by the server instead
 * (SEQ_BEHIND: a number that holds another mutation) and renumbers the same way.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** More than any desk sends between a backup and its restore. */
export const RESTORE_SEQUENCE_GAP = 1_000_000_000;

/** In a restored database, before it is used: the desk's next number lies beyond the gap. */
export function leaveSequenceGap(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('UPDATE device SET last_seq = last_seq + ?').run(RESTORE_SEQUENCE_GAP);
}

/**
 * Numbers the pending outbox rows, in their order, from the server's `lastSeq` + 1, and the desk's
 * next number after them; false when they already start there. Run inside the caller's exclusive
 * transaction. A row the server had already taken under its old number gets its first answer again
 * under the new one.
 */
export function renumberOutbox(sqlite: BetterSqlite3.Database, deviceId: string, lastSeq: number): boolean {
  const pending = (sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]).map(
    (row) => row.seq,
  );
  if (pending.length === 0 || pending[0] === lastSeq + 1) return false;
  // Two steps, so that no new number meets an old one on the primary key.
  sqlite.prepare('UPDATE outbox SET seq = -seq').run();
  const move = sqlite.prepare('UPDATE outbox SET seq = ? WHERE seq = ?');
  pending.forEach((seq, i) => move.run(lastSeq + 1 + i, -seq));
  sqlite.prepare('UPDATE device SET last_seq = ? WHERE id = ?').run(lastSeq + pending.length, deviceId);
  return true;
}
