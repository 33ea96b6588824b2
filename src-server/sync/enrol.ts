/**
 * Enrolment: an administrator issues a one-time code (`code` command); a desk trades it for a
 * device token. A code without a property founds a new one and nothing else; a property's code
 * lets a new device join it; a known device returns (with a new token) only with proof: its
 * current token, or a code the administrator issued for that very device. A device never moves
 * between properties, and a revoked one stays out until the administrator reinstates it.
 */
import type { EnrolMode, EnrolRequest, EnrolResponse, SyncErrorCode } from '@shared/sync/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { ServerDatabase } from '../db/connection';
import type { Database, EnrolmentCodeTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { SyncError } from '../errors';
import { enrolmentCodeHash, newDeviceToken, newEnrolmentCode, sha256 } from './secrets';

export interface IssueCodeOptions {
  /** The property the desk joins; without it (and without a device) the desk founds a new property. */
  propertyId?: string | null;
  /** A code for this known device only: it returns to its own property with a new token (a lost token, a lost answer). */
  deviceId?: string | null;
  hours: number;
  now?: Date;
}

/** Returns the code to show once; only its hash is stored. Throws a message for the administrator on a bad request. */
export async function issueEnrolmentCode(server: ServerDatabase, options: IssueCodeOptions): Promise<string> {
  const now = options.now ?? new Date();
  if (!(options.hours > 0)) throw new Error('--hours must be a positive number.');
  let propertyId = options.propertyId ?? null;
  const deviceId = options.deviceId ?? null;
  if (deviceId !== null) {
    const device = await server.db
      .selectFrom('device')
      .select(['property_id', 'revoked_at'])
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (!device) throw new Error(`No device ${deviceId} on this server.`);
    if (device.revoked_at !== null)
      throw new Error(`Device ${deviceId} is revoked: reinstate it first (reinstate --device ${deviceId}).`);
    if (propertyId !== null && propertyId !== device.property_id)
      throw new Error(`Device ${deviceId} belongs to property ${device.property_id}, not ${propertyId}.`);
    propertyId = device.property_id;
  } else if (propertyId !== null) {
    const property = await server.db
      .selectFrom('property')
      .select('id')
      .where('id', '=', propertyId)
      .executeTakeFirst();
    if (!property) throw new Error(`No property ${propertyId} on this server.`);
  }
  const code = newEnrolmentCode();
  await server.db
    .insertInto('enrolment_code')
    .values({
      code_hash: enrolmentCodeHash(code),
      property_id: propertyId,
      for_device_id: deviceId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + options.hours * 3_600_000).toISOString(),
      used_at: null,
      device_id: null,
      outcome: null,
    })
    .execute();
  return code;
}

/** What the decision needs to know; `device` is the server's record of the request's device id, null when new. */
export interface EnrolmentFacts {
  code: { propertyId: string | null; forDeviceId: string | null };
  request: Pick<EnrolRequest, 'deviceId' | 'propertyId' | 'hasBusinessData'>;
  device: {
    propertyId: string;
    revoked: boolean;
    /** The request carried its current token. */ proven: boolean;
  } | null;
  /** The server already holds a property with the request's property id. */
  propertyExists: boolean;
}

/**
 * `burn`: the refused attempt still spends the code. Only a refusal that follows from what the
 * desk says of itself alone (a desk with business data offered a property to join) leaves the code
 * usable, so a desk that answers wrongly by mistake can try again; every refusal that tells
 * something about the server's devices or properties spends it, so that a code cannot be used to
 * probe them. Wrong codes are throttled per address (see app.ts).
 */
export type EnrolmentDecision = { mode: EnrolMode; propertyId: string } | { refusal: SyncErrorCode; burn: boolean };

const refuse = (refusal: SyncErrorCode, burn = true): EnrolmentDecision => ({ refusal, burn });

export function decideEnrolment({ code, request, device, propertyExists }: EnrolmentFacts): EnrolmentDecision {
  // A founding code only creates: never a way into a property that exists.
  if (code.propertyId === null && propertyExists) return refuse('PROPERTY_EXISTS');
  // A device code is for its device alone (and devices are never deleted, so that one is known).
  if (code.forDeviceId !== null && (code.forDeviceId !== request.deviceId || !device))
    return refuse('ENROLMENT_CODE_INVALID');
  if (device) {
    if (!device.proven && code.forDeviceId === null) return refuse('DEVICE_PROOF_REQUIRED');
    if (device.revoked) return refuse('DEVICE_REVOKED');
    // A device never moves: its code must be its own property's, and it must not bring another's data.
    if (code.propertyId !== device.propertyId) return refuse('SYNC_PROPERTY_MISMATCH');
    if (request.propertyId !== device.propertyId && request.hasBusinessData) return refuse('SYNC_PROPERTY_MISMATCH');
    return { mode: 'returning', propertyId: device.propertyId };
  }
  if (code.propertyId === null) return { mode: 'founding', propertyId: request.propertyId };
  // Joining replaces the desk's synced data with the property's: refused for a desk holding business data.
  if (request.hasBusinessData) return refuse('SYNC_PROPERTY_MISMATCH', false);
  return { mode: 'joining', propertyId: code.propertyId };
}

type Outcome = { answer: EnrolResponse } | { refusal: SyncErrorCode };

export async function enrolDevice(
  server: ServerDatabase,
  request: EnrolRequest,
  now = new Date(),
): Promise<EnrolResponse> {
  const at = now.toISOString();
  const outcome = await inTransaction(server, async (db): Promise<Outcome> => {
    const codeHash = enrolmentCodeHash(request.code);
    // Claimed before anything else: of two enrolments racing for one code, the second finds it spent.
    const code = await db
      .updateTable('enrolment_code')
      .set({ used_at: at, device_id: request.deviceId })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
    if (!code) throw new SyncError('ENROLMENT_CODE_INVALID');

    const decision = await decide(db, code, request);
    const spend = (outcome: EnrolMode | SyncErrorCode) =>
      db.updateTable('enrolment_code').set({ outcome }).where('code_hash', '=', codeHash).execute();
    if ('refusal' in decision) {
      // Thrown: the claim rolls back and the code stays usable. Returned: the burnt code commits.
      if (!decision.burn) throw new SyncError(decision.refusal);
      await spend(decision.refusal);
      return { refusal: decision.refusal };
    }
    const written = await writeDevice(db, request, decision, at);
    await spend('token' in written ? decision.mode : written.refusal);
    return 'token' in written ? { answer: written } : written;
  });
  if ('refusal' in outcome) throw new SyncError(outcome.refusal);
  return outcome.answer;
}

async function decide(
  db: Kysely<Database>,
  code: Selectable<EnrolmentCodeTable>,
  request: EnrolRequest,
): Promise<EnrolmentDecision> {
  const device = await db
    .selectFrom('device')
    .select(['property_id', 'revoked_at', 'token_hash'])
    .where('id', '=', request.deviceId)
    .executeTakeFirst();
  const property = await db.selectFrom('property').select('id').where('id', '=', request.propertyId).executeTakeFirst();
  return decideEnrolment({
    code: { propertyId: code.property_id, forDeviceId: code.for_device_id },
    request,
    device: device
      ? {
          propertyId: device.property_id,
          revoked: device.revoked_at !== null,
          proven: typeof request.token === 'string' && sha256(request.token) === device.token_hash,
        }
      : null,
    propertyExists: property !== undefined,
  });
}

/** Inserts never overwrite: a property or device id that appeared meanwhile (a concurrent enrolment) is refused like one that was there. */
async function writeDevice(
  db: Kysely<Database>,
  request: EnrolRequest,
  decision: { mode: EnrolMode; propertyId: string },
  at: string,
): Promise<EnrolResponse | { refusal: SyncErrorCode }> {
  const token = newDeviceToken();
  const { propertyId, mode } = decision;
  if (mode === 'founding') {
    const created = await db
      .insertInto('property')
      .values({ id: propertyId, founding_device_id: request.deviceId, version: 0, created_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(created.numInsertedOrUpdatedRows ?? 0) === 0) return { refusal: 'PROPERTY_EXISTS' };
  }
  if (mode === 'returning') {
    const device = await db
      .selectFrom('device')
      .select('last_seq')
      .where('id', '=', request.deviceId)
      .executeTakeFirstOrThrow();
    // The higher sequence is kept: stored results of earlier seqs must stay replayable.
    const lastSeq = Math.max(device.last_seq, request.lastSeq);
    await db
      .updateTable('device')
      .set({
        desk_code: request.deskCode,
        token_hash: sha256(token),
        enrolled_at: at,
        last_seq: lastSeq,
        last_seen_at: at,
      })
      .where('id', '=', request.deviceId)
      .execute();
    return { token, propertyId, mode, lastSeq };
  }
  const inserted = await db
    .insertInto('device')
    .values({
      id: request.deviceId,
      property_id: propertyId,
      desk_code: request.deskCode,
      token_hash: sha256(token),
      enrolled_at: at,
      revoked_at: null,
      last_seq: request.lastSeq,
      last_seen_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { refusal: 'DEVICE_PROOF_REQUIRED' };
  return { token, propertyId, mode, lastSeq: request.lastSeq };
}

/** Returns false when there is no such device. The token stays recorded, so the desk is told DEVICE_REVOKED rather than DEVICE_UNKNOWN. */
export async function revokeDevice(server: ServerDatabase, deviceId: string, now = new Date()): Promise<boolean> {
  const result = await server.db
    .updateTable('device')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Lifts a revocation. The token the device held when it was revoked is not trusted again (it may
 * be what got stolen): the device returns with a code issued for it (`code --device ID`). Returns
 * false when there is no such device.
 */
export async function reinstateDevice(server: ServerDatabase, deviceId: string): Promise<boolean> {
  const result = await server.db
    .updateTable('device')
    .set({ revoked_at: null, token_hash: sha256(newDeviceToken()) })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is not', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return true;
  return (
    (await server.db.selectFrom('device').select('id').where('id', '=', deviceId).executeTakeFirst()) !== undefined
  );
}
