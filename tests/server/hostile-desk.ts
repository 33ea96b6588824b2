/**
 * A hostile desk against a real server. The most realistic attacker is a desk the property
 * enrolled itself: it holds a real token and the property's rows, and may send anything it likes.
 * `hostileProperty` gives a test a founded hotel on a real server — the founding desk is real
 * services on a real SQLite file, set up, staffed, enrolled with a founding code and synced — and
 * a second desk that joined it legitimately. The attacker speaks raw `POST /sync/push` with that
 * desk's token and the next sequence number: it takes real outbox rows of its desk before they
 * sync and tampers with them, or crafts mutations of its own. `state()` is what an attack must
 * not change: the property's rows on the server, and the founding desk's rows after it syncs.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DESK_SCHEMA_VERSION,
  type Effect,
  type PulledChange,
  type PullResponse,
  type PushedMutation,
  type PushResponse,
  type PushResult,
} from '@shared/sync/protocol';
import { rowKey, SYNCED_TABLES, wireRow, type SyncRow } from '@shared/sync/tables';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { hashPassword } from '../../src-main/services/auth/passwords';
import type { Signer } from '../../src-main/services/auth/signing';
import { pushedMutation } from '../../src-main/sync/exchange';
import { TOKEN_FILE } from '../../src-main/vault/secret-store';
import { ADMIN, openDesk, RECOVERY_PASSPHRASE, signIn, type Desk } from '../integration/desk';
import { openHotel, type Hotel } from '../integration/hotel';
import { serverFor, type Backend } from './backends';
import { post, type Reply } from './desk';
import { asDeskWould, signedInKey } from './desk-signing';
import type { TestServer } from './harness';

/** A mutation as the attacker hands it over; the sequence number is given when it is pushed. */
export type Mutation = Omit<PushedMutation, 'seq'>;

export interface CraftOptions {
  actorId?: string | null;
  approvalId?: string | null;
  input?: unknown;
}

/** A copy under a fresh mutation id (a mutation id is used once, refused or not, so each tampered variant needs its own). */
export function variant(mutation: Mutation, patch: Partial<Mutation> = {}): Mutation {
  return { ...mutation, ...patch, id: uuidv7() };
}

/** The row a mutation wrote to a table (the first, or the one under `key`). */
export function rowIn(mutation: Mutation, table: string, key?: string): SyncRow {
  const found = mutation.effects.find((effect) => effect.table === table && (key === undefined || effect.key === key));
  if (!found?.row) throw new Error(`${mutation.name} wrote no ${table} row${key ? ` ${key}` : ''}`);
  return found.row;
}

/** A password hash an attacker chose: a real argon2id hash, so only the rules can refuse it. */
export const chosenHash = (password = 'taken-over-1'): Promise<string> => hashPassword(password);

/** A new mutation with a fresh id, made up by the attacker. */
export function craft(name: string, effects: Effect[], options: CraftOptions = {}): Mutation {
  return {
    id: uuidv7(),
    name,
    at: new Date().toISOString(),
    actorId: options.actorId ?? null,
    approvalId: options.approvalId ?? null,
    input: options.input ?? {},
    effects,
  };
}

/** A row as an effect under its own key (an insert, or a whole-row update). */
export function effectOf(table: string, row: SyncRow, columns?: string[]): Effect {
  return { table, key: rowKey(table, row), row, ...(columns && { columns }) };
}

/** Runs a desk's sync to the end; an error the engine kept (it never throws for HTTP answers) is thrown here. */
export async function syncDesk(desk: Desk): Promise<void> {
  await desk.services.sync.syncNow();
  const status = await desk.services.sync.status();
  if (status.lastError !== null) throw new Error(`sync failed: ${status.lastError}`);
}

/** Every synced row a desk holds, as it would send it (desk-only columns left out), plus the other desks' audit entries it keeps. */
export function deskRows(desk: Desk): Record<string, SyncRow[]> {
  const out: Record<string, SyncRow[]> = {};
  const all = (sql: string) => desk.services.sqlite.prepare(sql).all() as SyncRow[];
  for (const [table, def] of Object.entries(SYNCED_TABLES)) {
    out[table] = all(`SELECT * FROM "${table}"`)
      .filter((row) => !def.localRow?.(row))
      .map((row) => wireRow(table, row))
      .sort((a, b) => rowKey(table, a).localeCompare(rowKey(table, b)));
  }
  out.audit_remote = all('SELECT * FROM audit_remote ORDER BY id');
  return out;
}

/** The property on the server: every sync_row (key, document, tombstone, version), its change counter and the approvals used. */
export async function serverRows(server: TestServer, propertyId: string) {
  const { db } = server.db;
  return {
    rows: await db
      .selectFrom('sync_row')
      .select(['table_name', 'row_key', 'data', 'deleted', 'version'])
      .where('property_id', '=', propertyId)
      .orderBy('table_name')
      .orderBy('row_key')
      .execute(),
    version: (await db.selectFrom('property').select('version').where('id', '=', propertyId).executeTakeFirstOrThrow())
      .version,
    approvalsUsed: await db
      .selectFrom('approval_use')
      .select(['approval_id', 'device_id', 'seq'])
      .where('property_id', '=', propertyId)
      .orderBy('approval_id')
      .execute(),
  };
}

/** One synced table's live rows on the server, parsed, by key. */
export async function serverTable(
  server: TestServer,
  propertyId: string,
  table: string,
): Promise<Map<string, SyncRow>> {
  const stored = await server.db.db
    .selectFrom('sync_row')
    .select(['row_key', 'data'])
    .where('property_id', '=', propertyId)
    .where('table_name', '=', table)
    .where('deleted', '=', 0)
    .execute();
  return new Map(stored.map((row) => [row.row_key, JSON.parse(row.data!) as SyncRow]));
}

/** A desk's token and device id used to speak raw protocol: what anyone holding an enrolled desk can do. */
export class HostileDesk {
  constructor(
    readonly server: TestServer,
    readonly deviceId: string,
    readonly token: string,
    /** The real desk behind the token, when there is one (its outbox is the raw material of tampering). */
    readonly desk: Desk | null = null,
  ) {}

  /** The token a desk keeps in its data folder (the harness's 0600 file; the app's keychain blob holds the same). */
  static of(server: TestServer, desk: Desk): HostileDesk {
    const token = fs.readFileSync(path.join(desk.dataDir, TOKEN_FILE), 'utf8');
    return new HostileDesk(server, desk.services.device.id, token, desk);
  }

  /** The desk's outbox as its sync would push it, oldest first: real mutations not yet sent. */
  async outbox(): Promise<Mutation[]> {
    if (!this.desk) throw new Error('no desk behind this token');
    const rows = await this.desk.services.db.selectFrom('outbox').selectAll().orderBy('seq').execute();
    return rows.map((row) => {
      const { seq: _seq, ...mutation } = pushedMutation(row);
      return mutation;
    });
  }

  /** The last outbox entry named `name` (the mutation a test just ran at the desk). */
  async lastOutbox(name: string): Promise<Mutation> {
    const found = (await this.outbox()).findLast((mutation) => mutation.name === name);
    if (!found) throw new Error(`no ${name} in the outbox`);
    return found;
  }

  /** The sequence the server holds for this device (a pull past every version asks for nothing else). */
  async lastSeq(): Promise<number> {
    const reply = await this.pull(Number.MAX_SAFE_INTEGER);
    if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.lastSeq;
  }

  raw(mutations: PushedMutation[]): Promise<Reply<PushResponse>> {
    return post<PushResponse>(
      this.server.url,
      '/sync/push',
      { deviceId: this.deviceId, schemaVersion: DESK_SCHEMA_VERSION, mutations },
      this.token,
    );
  }

  /**
   * Pushes mutations numbered from the server's next sequence, as the desk would send them (signed
   * by whoever is signed in there, see desk-signing.ts); the server's answer to each.
   */
  async push(...mutations: Mutation[]): Promise<PushResult[]> {
    return this.pushSignedWith(this.desk && signedInKey(this.desk), ...mutations);
  }

  /**
   * Pushes mutations signed with a key this desk held earlier rather than the one signed in now:
   * what it still has of someone's old password, which the server knows them by until their
   * password change reaches it.
   */
  async pushSignedWith(signer: Signer | null, ...mutations: Mutation[]): Promise<PushResult[]> {
    const desk = this.desk;
    return this.pushAsIs(
      ...(desk ? await Promise.all(mutations.map((mutation) => asDeskWould(desk, mutation, signer))) : mutations),
    );
  }

  /** Pushes mutations exactly as given (their signatures, or none, and their bases), numbered from the server's next sequence. */
  async pushAsIs(...mutations: Mutation[]): Promise<PushResult[]> {
    const first = (await this.lastSeq()) + 1;
    const reply = await this.raw(mutations.map((mutation, i) => ({ ...mutation, seq: first + i })));
    if (reply.status !== 200) throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body.results;
  }

  pull(cursor: number): Promise<Reply<PullResponse>> {
    return post<PullResponse>(
      this.server.url,
      '/sync/pull',
      { deviceId: this.deviceId, schemaVersion: DESK_SCHEMA_VERSION, cursor },
      this.token,
    );
  }

  /** Everything the server lets this token read. */
  async pullAll(): Promise<PulledChange[]> {
    const changes: PulledChange[] = [];
    for (let cursor = 0; ;) {
      const reply = await this.pull(cursor);
      if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      changes.push(...reply.body.changes);
      cursor = reply.body.cursor;
      if (!reply.body.hasMore) return changes;
    }
  }
}

export interface HostileProperty {
  server: TestServer;
  propertyId: string;
  /** The honest founding desk (lina signed in), synced. */
  founder: Desk;
  hotel: Hotel;
  /** Staff ids by username: admin, lina (agent), chen (supervisor), and any a test added before founding. */
  staff: Record<string, string>;
  /** A second desk that joined the property with a joining code (lina signed in), synced; and its token. */
  joined: Desk;
  attacker: HostileDesk;
  /** The founding desk's own token: the same desk turned hostile (stolen, or a buggy build). */
  founderToken(): HostileDesk;
  /**
   * What an attack must leave as it was: the property's rows on the server, and the founding desk's
   * rows once it has synced (an honest desk pulling after the attack sees nothing new).
   */
  state(): Promise<{ server: Awaited<ReturnType<typeof serverRows>>; founder: Record<string, SyncRow[]> }>;
  close(): Promise<void>;
}

export interface PropertyOptions {
  /** Runs on the founding desk (admin signed in) before it enrols: whatever it adds goes up in the founding snapshot. */
  beforeFounding?(desk: Desk): Promise<void>;
}

async function enrol(desk: Desk, server: TestServer, code: string, password?: string): Promise<string> {
  return (await desk.call('sync.enrol', { serverUrl: server.url, code, ...(password && { password }) })).mode;
}

/** The hotel of tests/integration/hotel.ts founded on `server` by a real desk, and a second real desk joined to it. */
export async function hostileProperty(server: TestServer, options: PropertyOptions = {}): Promise<HostileProperty> {
  const desks: Desk[] = [];
  const close = async () => {
    for (const desk of desks.splice(0)) {
      await desk.close();
      fs.rmSync(desk.dataDir, { recursive: true, force: true });
    }
  };
  try {
    const founder = await openDesk();
    desks.push(founder);
    const hotel = await openHotel(founder);
    await signIn(founder, 'admin', ADMIN.password);
    await options.beforeFounding?.(founder);
    if ((await enrol(founder, server, await server.issueCode(), ADMIN.password)) !== 'founding')
      throw new Error('the first desk did not found the property');
    await syncDesk(founder);
    await signIn(founder, 'lina');
    const propertyId = (await founder.services.db.selectFrom('property').select('id').executeTakeFirstOrThrow()).id;

    const joined = await openDesk();
    desks.push(joined);
    if ((await enrol(joined, server, await server.issueCode(propertyId))) !== 'joining')
      throw new Error('the second desk did not join the property');
    await syncDesk(joined);
    // The property's admin gives the joining desk the property key, once.
    await signIn(joined, 'admin', ADMIN.password);
    await joined.call('vault.unlock', { passphrase: RECOVERY_PASSPHRASE });
    await signIn(joined, 'lina');
    // The sign-ins' audit entries go up now, so that nothing honest is left pending.
    await syncDesk(joined);
    await syncDesk(founder);

    const staffRows = await founder.services.db.selectFrom('staff').select(['id', 'username']).execute();
    return {
      server,
      propertyId,
      founder,
      hotel,
      staff: Object.fromEntries(staffRows.map((row) => [row.username, row.id])),
      joined,
      attacker: HostileDesk.of(server, joined),
      founderToken: () => HostileDesk.of(server, founder),
      async state() {
        await syncDesk(founder);
        return { server: await serverRows(server, propertyId), founder: deskRows(founder) };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What a refused mutation's answer looks like (the server's rows to restore come with it). */
export function refusal(reason: string, detail?: unknown) {
  return { status: 'rejected', reason, ...(detail !== undefined && { detail }) };
}

/**
 * One server per backend for a test file, and a fresh property per test: every property, its desks
 * and their temp folders are closed and removed after the test, the server after the file.
 */
export function hostileSuite(backend: Backend) {
  let server: TestServer | undefined;
  const opened: HostileProperty[] = [];
  beforeAll(async () => {
    server = await serverFor(backend);
  });
  afterEach(async () => {
    for (const property of opened.splice(0)) await property.close();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('the server is not started');
      return server;
    },
    async property(options?: PropertyOptions): Promise<HostileProperty> {
      const property = await hostileProperty(this.server, options);
      opened.push(property);
      return property;
    },
  };
}
