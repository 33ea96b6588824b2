/** What the renderer learns about the signed-in session: who, what they may do, the property and desk. */
import type { Kysely } from 'kysely';
import type { Property, SessionInfo } from '@shared/contract';
import { AppError } from '@shared/errors';
import { isPermission } from '@shared/permissions';
import { DEFAULT_CHECK_IN_TIME } from '@shared/rules/cancellation';
import { DEFAULT_CHECK_OUT_TIME } from '@shared/settings';
import type { Database, StaffRow } from '../../db/schema';
import type { Session } from '../session-holder';
import { readSetting } from '../settings/values';
import type { Signer } from './signing';

export async function loadProperty(db: Kysely<Database>): Promise<Property> {
  const row = await db.selectFrom('property').selectAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_SET_UP');
  const [checkInTime, checkOutTime] = await Promise.all([
    readSetting(db, 'checkInTime'),
    readSetting(db, 'checkOutTime'),
  ]);
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    idleLockMinutes: row.idle_lock_minutes,
    maxStayNights: row.max_stay_nights,
    address: row.address,
    phone: row.phone,
    checkInTime: checkInTime ?? DEFAULT_CHECK_IN_TIME,
    checkOutTime: checkOutTime ?? DEFAULT_CHECK_OUT_TIME,
  };
}

export async function sessionInfo(
  db: Kysely<Database>,
  desk: { id: string; code: string },
  session: Session,
): Promise<SessionInfo> {
  const grants = await db.selectFrom('role_permission').select('permission').where('role', '=', session.role).execute();
  return {
    user: { id: session.staffId, username: session.username, displayName: session.displayName, role: session.role },
    permissions: grants.map((g) => g.permission).filter(isPermission),
    locked: session.locked,
    property: await loadProperty(db),
    desk,
  };
}

/** `signer`: the person's signing key when they just typed their password; null for someone acting without being here (a held operation's requester). */
export function newSession(staff: StaffRow, now: Date, signer: Signer | null): Session {
  return {
    staffId: staff.id,
    username: staff.username,
    displayName: staff.display_name,
    role: staff.role,
    signedInAt: now,
    lastActivityAt: now,
    locked: false,
    signer,
  };
}
