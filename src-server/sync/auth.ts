/** Who is calling /sync/*: the device behind the bearer token, on a schema this server speaks. */
import { DESK_SCHEMA_VERSION } from '@shared/sync/protocol';
import type { Selectable } from 'kysely';
import type { ServerDatabase } from '../db/connection';
import type { DeviceTable } from '../db/schema';
import { SyncError } from '../errors';
import { sha256 } from './secrets';

export type Device = Selectable<DeviceTable>;

/** An older desk must update first; a newer desk needs a newer server. */
export function checkSchemaVersion(schemaVersion: number): void {
  if (schemaVersion < DESK_SCHEMA_VERSION) throw new SyncError('UPGRADE_REQUIRED', { minSchemaVersion: DESK_SCHEMA_VERSION });
  if (schemaVersion > DESK_SCHEMA_VERSION) throw new SyncError('SERVER_OUTDATED');
}

export async function authenticate(
  server: ServerDatabase,
  authorization: string | undefined,
  body: { deviceId: string; schemaVersion: number },
  now = new Date(),
): Promise<Device> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new SyncError('DEVICE_UNKNOWN');
  const device = await server.db.selectFrom('device').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!device || device.id !== body.deviceId) throw new SyncError('DEVICE_UNKNOWN');
  if (device.revoked_at !== null) throw new SyncError('DEVICE_REVOKED');
  checkSchemaVersion(body.schemaVersion);
  const lastSeenAt = now.toISOString();
  await server.db.updateTable('device').set({ last_seen_at: lastSeenAt }).where('id', '=', device.id).execute();
  return { ...device, last_seen_at: lastSeenAt };
}
