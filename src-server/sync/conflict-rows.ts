/**
 * Conflict records: a contested sale stays applied and the server writes a `sync_conflict` row,
 * synced to every desk of the property as a work item for supervisors. One open conflict per
 * subject: a later contest of the same booking, order or member points to the open one.
 */
import type { ConflictRow } from '@shared/sync/conflicts';
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Contest } from './contested';
import { groupRows, writeRow } from './rows';

export interface ConflictContext {
  propertyId: string;
  deviceId: string;
  nextVersion(): number;
  now: Date;
}

/** Returns the conflict id of each contest, in order. */
export async function recordConflicts(
  db: Kysely<Database>,
  context: ConflictContext,
  contests: readonly Contest[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const contest of contests) {
    const [open] = await groupRows(db, context.propertyId, 'sync_conflict', [contest.subjectId]);
    if (open) {
      ids.push(open.key);
      continue;
    }
    const at = context.now.toISOString();
    const version = context.nextVersion();
    const row: ConflictRow = {
      id: uuidv7(),
      kind: contest.kind,
      subject_type: contest.subjectType,
      subject_id: contest.subjectId,
      detail_json: JSON.stringify(contest.detail),
      device_id: context.deviceId,
      status: 'open',
      resolution: null,
      resolution_note: null,
      resolved_by: null,
      resolved_by_name: null,
      resolved_at: null,
      created_at: at,
      updated_at: at,
      server_version: version,
    };
    await writeRow(db, context.propertyId, { table: 'sync_conflict', key: row.id, row: { ...row } }, version, null);
    ids.push(row.id);
  }
  return ids;
}
