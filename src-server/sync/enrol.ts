/**
 * Enrolment: an administrator issues a one-time code (`code` command); a desk trades it for a
 * device token, founding a property, joining one or returning to its own. Revoking a device
 * shuts its token out.
 */
import type { EnrolMode, EnrolRequest, EnrolResponse } from '@shared/sync/protocol';
import type { ServerDatabase } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { SyncError } from '../errors';
import { enrolmentCodeHash, newDeviceToken, newEnrolmentCode, sha256 } from './secrets';

export interface IssueCodeOptions {
  /** The property the desk joins; without it the desk founds a new property. */
  propertyId?: string | null;
  hours: number;
  now?: Date;
}

/** Returns the code to show once; only its hash is stored. */
export async function issueEnrolmentCode(server: ServerDatabase, options: IssueCodeOptions): Promise<string> {
  const now = options.now ?? new Date();
  const propertyId = options.propertyId ?? null;
  if (propertyId !== null) {
    const property = await server.db.selectFrom('property').select('id').where('id', '=', propertyId).executeTakeFirst();
    if (!property) throw new Error(`No property ${propertyId} on this server.`);
  }
  const code = newEnrolmentCode();
  await server.db
    .insertInto('enrolment_code')
    .values({
      code_hash: enrolmentCodeHash(code),
      property_id: propertyId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + options.hours * 3_600_000).toISOString(),
      used_at: null,
      device_id: null,
    })
    .execute();
  return code;
}

export async function enrolDevice(server: ServerDatabase, request: EnrolRequest, now = new Date()): Promise<EnrolResponse> {
  const at = now.toISOString();
  return inTransaction(server, async (db) => {
    const codeHash = enrolmentCodeHash(request.code);
    const code = await db.selectFrom('enrolment_code').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    if (!code || code.used_at !== null || code.expires_at <= at) throw new SyncError('ENROLMENT_CODE_INVALID');

    let mode: EnrolMode;
    let propertyId: string;
    if (code.property_id === null) {
      propertyId = request.propertyId;
      const existing = await db.selectFrom('property').select('id').where('id', '=', propertyId).executeTakeFirst();
      mode = existing ? 'returning' : 'founding';
      if (!existing) {
        await db.insertInto('property').values({ id: propertyId, founding_device_id: request.deviceId, version: 0, created_at: at }).execute();
      }
    } else {
      propertyId = code.property_id;
      if (request.propertyId === propertyId) mode = 'returning';
      else if (request.hasBusinessData) throw new SyncError('SYNC_PROPERTY_MISMATCH');
      else mode = 'joining';
    }

    const token = newDeviceToken();
    const device = await db.selectFrom('device').select('last_seq').where('id', '=', request.deviceId).executeTakeFirst();
    // A known device keeps the higher sequence: stored results of earlier seqs must stay replayable.
    const lastSeq = device ? Math.max(device.last_seq, request.lastSeq) : request.lastSeq;
    const fields = {
      property_id: propertyId,
      desk_code: request.deskCode,
      token_hash: sha256(token),
      enrolled_at: at,
      revoked_at: null,
      last_seq: lastSeq,
      last_seen_at: at,
    };
    if (device) await db.updateTable('device').set(fields).where('id', '=', request.deviceId).execute();
    else await db.insertInto('device').values({ id: request.deviceId, ...fields }).execute();

    await db.updateTable('enrolment_code').set({ used_at: at, device_id: request.deviceId }).where('code_hash', '=', codeHash).execute();
    return { token, propertyId, mode, lastSeq };
  });
}

/** Returns false when there is no such device. */
export async function revokeDevice(server: ServerDatabase, deviceId: string, now = new Date()): Promise<boolean> {
  const result = await server.db.updateTable('device').set({ revoked_at: now.toISOString() }).where('id', '=', deviceId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
