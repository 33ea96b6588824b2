/** Reading staff rows as the contract's StaffMember. */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import type { StaffMember } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/permissions';
import type { Database, StaffRow } from '../../db/schema';
import { credentialColumns } from '../auth/passwords';
import type { Signer } from '../auth/signing';

/** Inserts a new, active staff account with an argon2id hash of its password and its signing key; returns the row and the signer. */
export async function insertStaff(
  db: Kysely<Database>,
  account: { username: string; displayName: string; role: Role; password: string },
  at: string,
): Promise<{ row: StaffRow; signer: Signer }> {
  const id = newId();
  const { signer, ...credentials } = await credentialColumns(id, account.password);
  const row: StaffRow = {
    id,
    username: account.username,
    display_name: account.displayName,
    role: account.role,
    ...credentials,
    active: 1,
    failed_attempts: 0,
    locked_until: null,
    created_at: at,
    updated_at: at,
    server_version: null,
    deleted_at: null,
  };
  await db.insertInto('staff').values(row).execute();
  return { row, signer };
}

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export async function findStaff(db: Kysely<Database>, id: string): Promise<StaffRow> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function activeAdminCount(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return count;
}
