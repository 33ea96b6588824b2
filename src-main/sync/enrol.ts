/**
 * Enrolment with a one-time code from the server's administrator. A desk that founds a property
 * queues a snapshot of everything it holds; a fresh desk that joins one clears its own setup
 * (its staff, settings and policy come down from the server with the first pull).
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import { DESK_SCHEMA_VERSION, type EnrolMode, type EnrolResponse } from '@shared/sync/protocol';
import { SYNCED_TABLES } from '@shared/sync/tables';
import type { Database } from '../db/schema';
import type { Services } from '../services/services';
import { postJson, SyncHttpError } from './http';
import { queueSnapshot } from './snapshot';
import type { TokenStore } from './token-store';

/** The desk keeps its own audit chain when it joins; everything else synced is replaced by the property's. */
const KEPT_ON_JOIN = new Set(['audit_log']);

async function hasBusinessData(db: Kysely<Database>): Promise<boolean> {
  const row = await sql<{ found: number }>`SELECT EXISTS (SELECT 1 FROM guest) OR EXISTS (SELECT 1 FROM booking) OR EXISTS (SELECT 1 FROM ticket_order) AS found`.execute(db);
  return Boolean(row.rows[0]?.found);
}

const REFUSALS: Record<string, 'ENROLMENT_CODE_INVALID' | 'SYNC_PROPERTY_MISMATCH' | 'DEVICE_REVOKED' | 'UPGRADE_REQUIRED'> = {
  ENROLMENT_CODE_INVALID: 'ENROLMENT_CODE_INVALID',
  BAD_REQUEST: 'ENROLMENT_CODE_INVALID',
  SYNC_PROPERTY_MISMATCH: 'SYNC_PROPERTY_MISMATCH',
  DEVICE_REVOKED: 'DEVICE_REVOKED',
  UPGRADE_REQUIRED: 'UPGRADE_REQUIRED',
};

/** Runs inside the `sync.enrol` mutation's transaction (`db`): the server is asked first, then the desk is set up for it. */
export async function enrol(db: Kysely<Database>, services: Services, tokens: TokenStore, serverUrl: string, code: string): Promise<EnrolMode> {
  const property = await db.selectFrom('property').select('id').executeTakeFirst();
  const device = await db.selectFrom('device').select('last_seq').where('id', '=', services.device.id).executeTakeFirstOrThrow();
  let answer: EnrolResponse;
  try {
    answer = await postJson<EnrolResponse>(
      serverUrl,
      '/devices/enrol',
      {
      code: code.trim().toUpperCase(),
      deviceId: services.device.id,
      deskCode: services.device.code,
      propertyId: property?.id ?? services.device.id,
      hasBusinessData: await hasBusinessData(db),
      lastSeq: device.last_seq,
      schemaVersion: DESK_SCHEMA_VERSION,
      },
      null,
    );
  } catch (error) {
    if (error instanceof SyncHttpError && error.kind === 'refused') throw new AppError(REFUSALS[error.code] ?? 'ENROLMENT_CODE_INVALID');
    throw new AppError('SYNC_UNREACHABLE');
  }
  const now = services.clock.now();
  if (answer.mode === 'founding') await queueSnapshot(db, services.device.id, now);
  if (answer.mode === 'joining') {
    // Children before parents, so foreign keys hold at every step.
    for (const table of Object.keys(SYNCED_TABLES).reverse()) {
      if (!KEPT_ON_JOIN.has(table)) await db.deleteFrom(table as keyof Database).execute();
    }
    await db.deleteFrom('outbox').execute();
    await db.deleteFrom('sync_touched').execute();
  }
  if (answer.mode === 'returning') await db.deleteFrom('outbox').where('seq', '<=', answer.lastSeq).execute();
  await db
    .updateTable('sync_state')
    .set({ server_url: serverUrl, property_id: answer.propertyId, enrolled_at: now.toISOString(), ...(answer.mode !== 'returning' && { cursor: 0 }) })
    .execute();
  await tokens.write(answer.token);
  return answer.mode;
}
