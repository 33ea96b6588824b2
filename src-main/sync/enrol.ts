/**
 * Enrolment with a one-time code from the server's administrator, in the three steps of a staged
 * mutation: what the desk tells the server is read in a short transaction, the server is asked
 * with no transaction open (every other call goes on meanwhile), and its answer is applied in the
 * mutation's own transaction. A desk that founds a property queues a snapshot of everything it
 * holds; a fresh desk that joins one clears its own setup (its staff, settings and policy come
 * down from the server with the first pull); a returning desk proves itself with its current token.
 */
import { sql, type Kysely } from 'kysely';
import { AppError, type ErrorCode } from '@shared/errors';
import { DESK_SCHEMA_VERSION, type EnrolMode, type EnrolRequest, type EnrolResponse } from '@shared/sync/protocol';
import { SYNCED_TABLES } from '@shared/sync/tables';
import type { Database } from '../db/schema';
import { postJson, SyncHttpError, type ServerLink } from './http';
import { queueSnapshot } from './snapshot';
import type { SecretStore } from '../vault/secret-store';

/** The desk keeps its own audit chain when it joins; everything else synced is replaced by the property's. */
const KEPT_ON_JOIN = new Set(['audit_log']);

async function hasBusinessData(db: Kysely<Database>): Promise<boolean> {
  const row = await sql<{
    found: number;
  }>`SELECT EXISTS (SELECT 1 FROM guest) OR EXISTS (SELECT 1 FROM booking) OR EXISTS (SELECT 1 FROM ticket_order) AS found`.execute(
    db,
  );
  return Boolean(row.rows[0]?.found);
}

/** The server's refusals as the desk's error codes; any other code of ours reads as a bad code. */
const REFUSALS: Partial<Record<string, ErrorCode>> = {
  ENROLMENT_CODE_INVALID: 'ENROLMENT_CODE_INVALID',
  BAD_REQUEST: 'ENROLMENT_CODE_INVALID',
  SYNC_PROPERTY_MISMATCH: 'SYNC_PROPERTY_MISMATCH',
  DEVICE_REVOKED: 'DEVICE_REVOKED',
  DEVICE_PROOF_REQUIRED: 'DEVICE_PROOF_REQUIRED',
  PROPERTY_EXISTS: 'PROPERTY_EXISTS',
  UPGRADE_REQUIRED: 'UPGRADE_REQUIRED',
};

/** Our server names its refusals in UPPER_SNAKE codes; a web framework's "Not Found" is someone else's. */
const OUR_CODE = /^[A-Z][A-Z0-9_]+$/;

/**
 * The answer did not come from a Yingbin server: a refusal without our JSON body (an HTML 404, a
 * framework's error), a 2xx that is not JSON, or JSON that is no enrolment answer. The address is
 * wrong, not the code, and the code was not spent.
 */
function notOurServer(error: SyncHttpError): boolean {
  if (error.code === 'NOT_JSON') return true;
  if (error.kind !== 'refused') return false;
  return error.body === null || typeof error.body.error !== 'string' || !OUR_CODE.test(error.body.error);
}

function isEnrolResponse(value: unknown): value is EnrolResponse {
  const answer = value as Partial<EnrolResponse> | null;
  return (
    typeof answer === 'object' &&
    answer !== null &&
    typeof answer.token === 'string' &&
    typeof answer.propertyId === 'string' &&
    typeof answer.lastSeq === 'number' &&
    (answer.mode === 'founding' || answer.mode === 'joining' || answer.mode === 'returning')
  );
}

/** What the server learns of the desk, but the code and the token (added when the request is sent). */
export type DeskFacts = Omit<EnrolRequest, 'code' | 'token'>;

/** Step 1, in a short transaction: the desk as the server should see it. */
export async function describeDesk(
  db: Kysely<Database>,
  services: { device: { id: string; code: string } },
): Promise<DeskFacts> {
  const property = await db.selectFrom('property').select('id').executeTakeFirst();
  const device = await db
    .selectFrom('device')
    .select('last_seq')
    .where('id', '=', services.device.id)
    .executeTakeFirstOrThrow();
  return {
    deviceId: services.device.id,
    deskCode: services.device.code,
    propertyId: property?.id ?? services.device.id,
    hasBusinessData: await hasBusinessData(db),
    lastSeq: device.last_seq,
    schemaVersion: DESK_SCHEMA_VERSION,
  };
}

/** Step 2, with no transaction open (up to 30 s): the server's answer. A desk that holds a token sends it, its proof for `returning`. */
export async function requestEnrolment(
  tokens: SecretStore,
  server: ServerLink,
  code: string,
  desk: DeskFacts,
): Promise<EnrolResponse> {
  const token = await tokens.read();
  let answer: unknown;
  try {
    answer = await postJson<unknown>(
      server,
      '/devices/enrol',
      { ...desk, code: code.trim().toUpperCase(), ...(token && { token }) },
      null,
    );
  } catch (error) {
    if (error instanceof SyncHttpError && error.kind === 'insecure') throw new AppError('SYNC_INSECURE_URL');
    if (error instanceof SyncHttpError && notOurServer(error)) throw new AppError('ENROLMENT_NOT_A_SERVER');
    if (error instanceof SyncHttpError && error.kind === 'refused')
      throw new AppError(REFUSALS[error.code] ?? 'ENROLMENT_CODE_INVALID');
    if (error instanceof SyncHttpError && error.code === 'RATE_LIMITED') throw new AppError('SYNC_RATE_LIMITED');
    throw new AppError('SYNC_UNREACHABLE');
  }
  if (!isEnrolResponse(answer)) throw new AppError('ENROLMENT_NOT_A_SERVER');
  return answer;
}

/** Step 3, in the mutation's transaction (`db`): the desk set up for the server's answer. */
export async function applyEnrolment(
  db: Kysely<Database>,
  services: { device: { id: string } },
  tokens: SecretStore,
  server: ServerLink,
  answer: EnrolResponse,
  now: Date,
): Promise<EnrolMode> {
  if (answer.mode === 'founding') await queueSnapshot(db, services.device.id, now);
  if (answer.mode === 'joining') {
    // Asked while the desk held nothing of its own; a sale made meanwhile is not wiped for the property's.
    if (await hasBusinessData(db)) throw new AppError('SYNC_PROPERTY_MISMATCH');
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
    .set({
      server_url: server.serverUrl,
      allow_insecure: server.allowInsecure ? 1 : 0,
      property_id: answer.propertyId,
      enrolled_at: now.toISOString(),
      ...(answer.mode !== 'returning' && { cursor: 0 }),
    })
    .execute();
  await tokens.write(answer.token);
  return answer.mode;
}
