/**
 * What the derived-value checks read: the server's own rows (a booking's payments, a plan's prices,
 * the property's zone and settings, the loyalty policy and tiers), each read once per mutation,
 * and the rows the mutation itself writes, by table. Nothing here decides.
 */
import type { MembersPolicy } from '@shared/contract';
import { fromJson } from '@shared/json';
import { DEFAULT_CHECK_IN_TIME } from '@shared/rules/cancellation';
import type { MemberTier } from '@shared/rules/points';
import type { SyncedSettings } from '@shared/settings';
import type { PushedMutation } from '@shared/sync/protocol';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Rejection } from '../authority';
import { groupRows, parseRow, readRows, writesTo, type RowIn, type RowWrite } from '../rows';

/** A stored row with the version of its last write. */
export interface Versioned<T extends string = string> {
  row: RowIn<T>;
  version: number;
}

/** `%"column":"value"%` for LIKE, with LIKE's own wildcards in the value escaped. */
function mentionPattern(column: string, value: string): string {
  return `%${JSON.stringify(column)}:${JSON.stringify(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ServerFacts {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    readonly db: Kysely<Database>,
    readonly propertyId: string,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, read());
    return this.cache.get(key) as Promise<T>;
  }

  row<T extends string>(table: T, key: string): Promise<RowIn<T> | null> {
    return this.once(
      `row\u0000${table}\u0000${key}`,
      async () => (await readRows(this.db, this.propertyId, table, [key])).get(key) ?? null,
    );
  }

  rows<T extends string>(table: T, keys: readonly string[]): Promise<Map<string, RowIn<T>>> {
    return readRows(this.db, this.propertyId, table, keys);
  }

  /** A live row and the version it was last written at. */
  versioned<T extends string>(table: T, key: string): Promise<Versioned<T> | null> {
    return this.once(`versioned\u0000${table}\u0000${key}`, async () => {
      const stored = await this.db
        .selectFrom('sync_row')
        .select(['data', 'version'])
        .where('property_id', '=', this.propertyId)
        .where('table_name', '=', table)
        .where('row_key', '=', key)
        .where('deleted', '=', 0)
        .executeTakeFirst();
      return stored ? { row: parseRow(table, stored)!, version: stored.version } : null;
    });
  }

  /**
   * The live rows of a table whose `column` holds `value`, for tables the registry groups otherwise
   * (a booking's payments, a plan's prices, a guest's membership): a LIKE on the stored document
   * narrows, the parsed column decides.
   */
  mentioning<T extends string>(table: T, column: string, value: string): Promise<Versioned<T>[]> {
    return this.once(`mentioning\u0000${table}\u0000${column}\u0000${value}`, async () => {
      const stored = await this.db
        .selectFrom('sync_row')
        .select(['data', 'version'])
        .where('property_id', '=', this.propertyId)
        .where('table_name', '=', table)
        .where('deleted', '=', 0)
        .where(sql<boolean>`data like ${mentionPattern(column, value)} escape '\\'`)
        .execute();
      return stored
        .map((s) => ({ row: parseRow(table, s)!, version: s.version }))
        .filter(({ row }) => (row as Record<string, unknown>)[column] === value);
    });
  }

  /** A booking's payments on the server (deposits, payments, points, refunds as negative amounts). */
  async payments(bookingId: string): Promise<RowIn<'payment'>[]> {
    return (await this.mentioning('payment', 'booking_id', bookingId)).map(({ row }) => row);
  }

  /** What has been paid on a booking, in all or by one method, as the desk's paidFen sums it. */
  async paidFen(bookingId: string, method?: RowIn<'payment'>['method']): Promise<number> {
    return (await this.payments(bookingId))
      .filter((p) => method === undefined || p.method === method)
      .reduce((sum, p) => sum + p.amount_fen, 0);
  }

  /** A synced setting as a desk wrote it (the row's value passed its schema's JSON check, not the key's type: readers check what they rely on). */
  async setting<K extends keyof SyncedSettings>(key: K): Promise<SyncedSettings[K] | undefined> {
    const row = await this.row('setting', key);
    return row ? fromJson<SyncedSettings[K]>(row.value_json) : undefined;
  }

  /** The property's IANA zone (UTC for a property the server knows no row of, as approvals.ts reads it). */
  async timeZone(): Promise<string> {
    const property = await this.row('property', this.propertyId);
    return property ? property.time_zone : 'UTC';
  }

  async checkInTime(): Promise<string> {
    const value = await this.setting('checkInTime');
    return typeof value === 'string' ? value : DEFAULT_CHECK_IN_TIME;
  }

  /** The loyalty policy; a property without one has the defaults every desk is made with. */
  async membersPolicy(): Promise<MembersPolicy> {
    const value: Partial<MembersPolicy> | undefined = await this.setting('members.policy');
    return {
      pointValueFen: 1,
      validityMonths: 24,
      nonEarningChannels: ['ota'],
      offlineRedeemCapPoints: 50_000,
      qualifyingPeriod: 'rolling',
      ...value,
    };
  }

  /** The member tiers, lowest rank first. */
  tiers(): Promise<MemberTier[]> {
    return this.once('tiers', async () => {
      const stored = await this.db
        .selectFrom('sync_row')
        .select('data')
        .where('property_id', '=', this.propertyId)
        .where('table_name', '=', 'member_tier')
        .where('deleted', '=', 0)
        .execute();
      return stored
        .map((s) => parseRow('member_tier', s)!)
        .map((r) => ({
          code: r.code,
          name: r.name,
          rank: r.rank,
          minSpendFen: r.min_spend_fen,
          minNights: r.min_nights,
          earnPercent: r.earn_percent,
          discountPercent: r.discount_percent,
        }))
        .sort((a, b) => a.rank - b.rank);
    });
  }

  /** A member's ledger entries on the server. */
  async entries(memberIds: readonly string[]): Promise<RowIn<'points_entry'>[]> {
    return (await groupRows(this.db, this.propertyId, 'points_entry', memberIds)).map(({ row }) => row);
  }

  /**
   * The property's version when this push request began: the property's counter is written only
   * when the request commits, so every row of an earlier request is at or below it, and every row
   * of this one above it.
   */
  private startVersion(): Promise<number> {
    return this.once('startVersion', async () =>
      Number(
        (
          await this.db
            .selectFrom('property')
            .select('version')
            .where('id', '=', this.propertyId)
            .executeTakeFirstOrThrow()
        ).version,
      ),
    );
  }

  /**
   * Whether the device had the server's rows up to `version`: whether it pushed anything the server
   * stored later than that in an earlier request (after which its sync loop pulls), or wrote that
   * version itself in this one. Every mutation carries its own audit entry, stamped with the desk's id.
   */
  async deviceWroteAfter(deviceId: string, version: number): Promise<boolean> {
    const start = await this.startVersion();
    // Written during this request: by this device (a property's pushes are serialised).
    if (version > start) return true;
    const found = await this.db
      .selectFrom('sync_row')
      .select('version')
      .where('property_id', '=', this.propertyId)
      .where('version', '>', version)
      .where('version', '<=', start)
      .where('table_name', '=', 'audit_log')
      .where(sql<boolean>`data like ${mentionPattern('device_id', deviceId)} escape '\\'`)
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }
}

/** The rows a mutation writes, as the server will store them. */
export class MutationRows {
  constructor(readonly writes: readonly RowWrite[]) {}

  /** Rows of a table it inserts. */
  inserted<T extends string>(table: T): RowIn<T>[] {
    return writesTo(this.writes, table).flatMap(({ before, after }) =>
      before === null && after !== null ? [after] : [],
    );
  }

  /** Rows of a table it updates, as they were and as they will be. */
  updated<T extends string>(table: T): { before: RowIn<T>; after: RowIn<T> }[] {
    return writesTo(this.writes, table).flatMap(({ before, after }) =>
      before !== null && after !== null ? [{ before, after }] : [],
    );
  }

  /** Keys of a table it deletes. */
  deleted(table: string): string[] {
    return writesTo(this.writes, table).flatMap(({ key, after }) => (after === null ? [key] : []));
  }

  /** Every row of a table it leaves (inserted or updated), by key. */
  written<T extends string>(table: T): Map<string, RowIn<T>> {
    return new Map(
      writesTo(this.writes, table).flatMap(({ key, after }) => (after !== null ? [[key, after] as const] : [])),
    );
  }

  /** Whether it touches a table at all. */
  touches(table: string): boolean {
    return this.writes.some((w) => w.table === table);
  }
}

/** One pushed mutation under check: the server's rows, the mutation's own, and who pushed it. */
export interface Derivation {
  facts: ServerFacts;
  rows: MutationRows;
  mutation: PushedMutation;
  deviceId: string;
}

/** A figure the server works out differently (the detail says which, what was sent and what the server makes it). */
export function mismatch(detail: string): Rejection {
  return { reason: 'VALUE_MISMATCH', detail: detail.slice(0, 300) };
}

/** The mutation's input as an object (the desk's parsed input; the server reads only what it checks). */
export function inputOf(mutation: PushedMutation): Record<string, unknown> {
  const input = mutation.input;
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}
