/**
 * Who is calling /sync/*, in two steps: the device behind the bearer token, found before the
 * body is read (so an unknown caller never makes the server read a large body), then, with the
 * body, the device id it names and the schema it speaks.
 */
import { DESK_SCHEMA_VERSION } from '@shared/sync/protocol';
import type { Selectable } from 'kysely';
import type { ServerDatabase } from '../db/connection';
import type { DeviceTable } from '../db/schema';
import { SyncError } from '../errors';
import { sha256 } from './secrets';

export type Device = Selectable<DeviceTable>;

/** An older desk must update first; a newer desk needs a newer server. */
export function checkSchemaVersion(schemaVersion: number): void {
  if (schemaVersion < DESK_SCHEMA_VERSION)
    throw new SyncError('UPGRADE_REQUIRED', { minSchemaVersion: DESK_SCHEMA_VERSION });
  if (schemaVersion > DESK_SCHEMA_VERSION) throw new SyncError('SERVER_OUTDATED');
}

/** From the Authorization header alone: unknown token 401 DEVICE_UNKNOWN, revoked device 403 DEVICE_REVOKED. */
export async function deviceForToken(server: ServerDatabase, authorization: string | undefined): Promise<Device> {
  const token = /^Bearer (\S{1,128})$/.exec(authorization ?? '')?.[1];
  if (!token) throw new SyncError('DEVICE_UNKNOWN');
  const device = await server.db
    .selectFrom('device')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!device) throw new SyncError('DEVICE_UNKNOWN');
  if (device.revoked_at !== null) throw new SyncError('DEVICE_REVOKED');
  return device;
}

/** With the body: the token must be that of the device the body names (else 401), on this server's schema; records when it was seen. */
export async function admitDevice(
  server: ServerDatabase,
  device: Device,
  body: { deviceId: string; schemaVersion: number },
  now = new Date(),
): Promise<Device> {
  if (device.id !== body.deviceId) throw new SyncError('DEVICE_UNKNOWN');
  checkSchemaVersion(body.schemaVersion);
  const lastSeenAt = now.toISOString();
  await server.db.updateTable('device').set({ last_seen_at: lastSeenAt }).where('id', '=', device.id).execute();
  return { ...device, last_seen_at: lastSeenAt };
}
