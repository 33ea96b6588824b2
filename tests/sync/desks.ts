/** Desks enrolled with a test server: the founding one holds the hotel, the others join it. Free of any test runner (the bench uses it too). */
import type { Kysely } from 'kysely';
import type { Database } from '../../src-main/db/schema';
import { ADMIN, openDesk, RECOVERY_PASSPHRASE, signIn, type Desk } from '../integration/desk';
import { openHotel, type Hotel } from '../integration/hotel';
import { serverFor, type Backend } from '../server/backends';
import type { TestServer } from '../server/harness';

export interface Server {
  url: string;
  issueCode(propertyId?: string): Promise<string>;
}

export async function propertyId(desk: Desk): Promise<string> {
  return (await desk.services.db.selectFrom('property').select('id').executeTakeFirstOrThrow()).id;
}

/** `password`: the signed-in administrator's, typed again on a desk that is set up; a fresh desk joins without one. */
async function enrolAs(
  desk: Desk,
  server: Server,
  mode: 'founding' | 'joining',
  property?: string,
  password?: string,
): Promise<void> {
  const answer = await desk.call('sync.enrol', {
    serverUrl: server.url,
    code: await server.issueCode(property),
    ...(password && { password }),
  });
  if (answer.mode !== mode) throw new Error(`enrolment answered ${answer.mode}, not ${mode}`);
}

/** The hotel of tests/integration/hotel.ts, enrolled by its admin and pushed up; lina (agent) is signed in again after. */
export async function foundingDesk(server: Server): Promise<{ desk: Desk; hotel: Hotel }> {
  const desk = await openDesk();
  const hotel = await openHotel(desk);
  await signIn(desk, 'admin');
  await enrolAs(desk, server, 'founding', undefined, ADMIN.password);
  await desk.services.sync.syncNow();
  await signIn(desk, 'lina');
  return { desk, hotel };
}

/** A fresh desk joined from its first-run screen and synced: it has the property's rows, not yet its key. */
export async function joinedDesk(server: Server, founder: Desk): Promise<Desk> {
  const desk = await openDesk();
  await enrolAs(desk, server, 'joining', await propertyId(founder));
  await desk.services.sync.syncNow();
  return desk;
}

/** A joined desk whose admin gave it the property key with the recovery passphrase (once); lina then signs in with the property's own account. */
export async function joiningDesk(server: Server, founder: Desk): Promise<Desk> {
  const desk = await joinedDesk(server, founder);
  await signIn(desk, 'admin');
  await desk.call('vault.unlock', { passphrase: RECOVERY_PASSPHRASE });
  await signIn(desk, 'lina');
  return desk;
}

export async function syncAll(...desks: Desk[]): Promise<void> {
  // Twice round: what the last desk pushed reaches the first.
  for (let round = 0; round < 2; round++) for (const desk of desks) await desk.services.sync.syncNow();
}

type Table = keyof Database &
  (
    | 'guest'
    | 'booking'
    | 'booking_night'
    | 'sync_conflict'
    | 'payment'
    | 'room'
    | 'staff'
    | 'points_entry'
    | 'member'
    | 'cancellation'
  );

/** A table's rows as every desk must agree on them (server_version included: it is the server's stamp). */
export async function tableRows(db: Kysely<Database>, table: Table): Promise<unknown[]> {
  const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  const key = (row: Record<string, unknown>) => String(row.id ?? `${String(row.booking_id)}|${String(row.night)}`);
  return rows
    .map((row) => {
      const { failed_attempts: _f, locked_until: _l, ...shared } = row;
      return shared;
    })
    .sort((x, y) => key(x).localeCompare(key(y)));
}

export interface TwoDesks {
  server: TestServer;
  /** The founding desk with the hotel (lina signed in). */
  a: Desk;
  /** A desk that joined it, unlocked by the admin (lina signed in). */
  b: Desk;
  hotel: Hotel;
}

/** A server on `backend`, the founding desk and a joined one: what most two-desk test files start from. */
export async function openTwoDesks(backend: Backend): Promise<TwoDesks> {
  const server = await serverFor(backend);
  const { desk: a, hotel } = await foundingDesk(server);
  return { server, a, b: await joiningDesk(server, a), hotel };
}

/** Closes what openTwoDesks opened (whatever of it did open). */
export async function closeTwoDesks(desks: Partial<TwoDesks>): Promise<void> {
  await desks.a?.close();
  await desks.b?.close();
  await desks.server?.close();
}
