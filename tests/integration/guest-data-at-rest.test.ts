/**
 * Guests' personal data at rest (issue 11, items 2 and 3): phones and ID numbers never reach the
 * desk's files in clear, an ID number is found whole or not at all and every such search is
 * audited, nothing is written without the key, and an erased guest keeps only the facts of their
 * stays.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED_GUEST_NAME } from '@shared/rules/guest-fields';
import { openDatabase } from '../../src-main/db/connection';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { VAULT_TEST_FILE } from '../../src-main/vault/secret-store';
import { ADMIN, openDesk, RECOVERY_PASSPHRASE, signIn, tempDir, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

/** What the hotel's guest and the guests and visitors below hold: none of it may appear in clear in any file. */
const SECRETS = [
  '13812345678',
  '330102199001011234',
  'E99887766',
  '13912340000',
  '110105194912310021',
  '11010119900307123X',
];

let desk: Desk;
let hotel: Hotel;

beforeEach(async () => {
  desk = await openDesk();
  hotel = await openHotel(desk);
});
afterEach(() => desk.close());

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files that hold any of the secrets as UTF-8 bytes, with which. */
function filesHolding(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const bytes = fs.readFileSync(file);
    return SECRETS.filter((secret) => bytes.includes(Buffer.from(secret, 'utf8'))).map(
      (secret) => `${path.basename(file)}: ${secret}`,
    );
  });
}

async function auditedSearches() {
  return desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', 'search.quick')
    .orderBy('seq')
    .execute();
}

/** A boat trip sold to one visitor, by lina (the product made by the admin). */
async function sellTicket(idNumber: string): Promise<string> {
  await signIn(desk, 'admin', ADMIN.password);
  const lake = await desk.call('ticketProducts.save', {
    code: 'LAKE',
    name: '西湖游船',
    priceFen: 5_500,
    slots: [{ startTime: '13:00', endTime: '15:00', capacity: 50 }],
  });
  await signIn(desk, 'lina');
  const order = await desk.call('tickets.sell', {
    productId: lake.id,
    slotId: lake.slots[0]!.id,
    visitDate: '2026-11-26',
    visitors: [{ name: '韩梅梅', idType: 'id_card', idNumber }],
  });
  return order.id;
}

/** The hotel's guest deleted on request: lina asks, chen reviews at her desk. */
async function eraseHotelGuest(): Promise<void> {
  const request = await desk.call('approvals.request', {
    operation: 'guests.delete',
    input: { id: hotel.guest },
    reason: '客人要求删除个人信息',
  });
  await desk.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
}

describe('phones and ID numbers at rest', () => {
  it('are in no file of the desk — database, WAL, backups — after a day of intake, edits, searches and an erasure', async () => {
    const other = await desk.call('guests.create', {
      name: 'John Smith',
      phone: '+86 139-1234-0000',
      idType: 'passport',
      idNumber: 'e99887766',
    });
    await desk.call('guests.update', { id: other.id, name: 'John Smith', phone: '13912340000', segment: 'business' });
    await desk.call('guests.create', {
      name: '赵敏',
      phone: '13700000000',
      idType: 'id_card',
      idNumber: '110105194912310021',
    });
    await sellTicket('11010119900307123x');
    for (const q of ['330102199001011234', '13912340000', '5678', 'E99887766']) await desk.call('search.quick', { q });
    await eraseHotelGuest();
    await signIn(desk, 'admin', ADMIN.password);
    await desk.call('backup.run', {});
    const { folder } = await desk.call('backup.status', {});

    const files = [...filesUnder(desk.dataDir), ...(folder.startsWith(desk.dataDir) ? [] : filesUnder(folder))];
    const names = files.map((file) => path.basename(file));
    expect(names).toEqual(expect.arrayContaining(['yingbin.db', 'yingbin.db-wal']));
    expect(files.filter((file) => file.startsWith(folder)).length).toBeGreaterThan(0);
    expect(filesHolding(files)).toEqual([]);
    // The same reading finds what stays in clear: a name (names are searched at the desk).
    expect(
      files.filter((file) => fs.readFileSync(file).includes(Buffer.from('John Smith', 'utf8'))).length,
    ).toBeGreaterThan(0);
    // The desk still has them, sealed: the profile opens them.
    expect(await desk.call('guests.get', { id: other.id })).toMatchObject({
      phone: '13912340000',
      idNumber: 'E******66',
    });

    await desk.close();
    expect(filesHolding(filesUnder(desk.dataDir))).toEqual([]);
    desk = await openDesk(desk.dataDir);
  });
});

describe('the search box and ID numbers', () => {
  beforeEach(async () => {
    await desk.call('guests.create', {
      name: '欧阳修',
      phone: '13600003333',
      idType: 'passport',
      idNumber: 'E12345678',
    });
  });

  const found = async (q: string) => (await desk.call('search.quick', { q })).guests.map((g) => g.name);

  it('finds a guest by the whole ID number, in any case or spacing, and by no piece of it', async () => {
    expect(await found('330102199001011234')).toEqual(['王芳']);
    expect(await found('e1234 5678')).toEqual(['欧阳修']);
    for (const piece of ['99001011', '3301021990010112', '30102199001011234', 'E1234567', '12345678'])
      expect(await found(piece)).toEqual([]);
  });

  it('audits every search that may be an ID number with what it found, never the text; names and last four digits are not audited', async () => {
    const before = (await auditedSearches()).length;
    await found('王芳');
    await found('5678');
    await found('欧阳');
    expect(await auditedSearches()).toHaveLength(before);

    await found('330102199001011234');
    await found('99001011');
    await found('E12345678');
    const entries = (await auditedSearches()).slice(before);
    expect(entries.map((e) => [e.actor_name, e.outcome, JSON.parse(e.detail_json!).after])).toEqual([
      ['lina', 'ok', { search: 'idNumber', found: 1 }],
      ['lina', 'ok', { search: 'idNumber', found: 0 }],
      ['lina', 'ok', { search: 'idNumber', found: 1 }],
    ]);
    const details = entries.map((e) => e.detail_json).join();
    for (const text of ['330102199001011234', '99001011', 'E12345678']) expect(details).not.toContain(text);
  });

  it('finds a phone by its last four digits or the whole number, and a duplicate by the keyed hash', async () => {
    expect(await found('3333')).toEqual(['欧阳修']);
    expect(await found('136-0000-3333')).toEqual(['欧阳修']);
    expect(await found('36000033')).toEqual([]);
    expect((await desk.call('guests.duplicates', { phone: '136 0000 3333' })).map((g) => [g.name, g.phone])).toEqual([
      ['欧阳修', '136****3333'],
    ]);
    expect((await desk.call('guests.duplicates', { phone: null, idNumber: 'e12345678' })).map((g) => g.name)).toEqual([
      '欧阳修',
    ]);
    expect((await desk.call('guests.search', { query: '3333' })).map((g) => g.name)).toEqual(['欧阳修']);
  });
});

describe('a desk without the property key', () => {
  it('refuses to write a phone or an ID number (VAULT_LOCKED) and changes nothing; a name alone is written', async () => {
    await desk.close();
    fs.rmSync(path.join(desk.dataDir, VAULT_TEST_FILE));
    desk = await openDesk(desk.dataDir);
    await signIn(desk, 'lina');
    expect(await desk.call('vault.status', {})).toMatchObject({ state: 'locked' });
    const before = {
      ...(await desk.counts()),
      guests: await desk.services.db.selectFrom('guest').selectAll().execute(),
    };

    expect((await desk.fail('guests.create', { name: '孙悦', phone: '13600000000' })).code).toBe('VAULT_LOCKED');
    expect((await desk.fail('guests.create', { name: '孙悦', idType: 'passport', idNumber: 'E11112222' })).code).toBe(
      'VAULT_LOCKED',
    );
    expect((await desk.fail('guests.update', { id: hotel.guest, name: '王芳', phone: '13900000000' })).code).toBe(
      'VAULT_LOCKED',
    );
    expect((await desk.fail('guests.get', { id: hotel.guest })).code).toBe('VAULT_LOCKED');
    expect({
      ...(await desk.counts()),
      guests: await desk.services.db.selectFrom('guest').selectAll().execute(),
    }).toEqual(before);

    // What needs no key still works: a walk-in by name, the lists with masked phones, the last four digits.
    await desk.call('guests.create', { name: '赵先生', temporary: true });
    expect((await desk.call('search.quick', { q: '5678' })).guests.map((g) => [g.name, g.phone])).toEqual([
      ['王芳', '138****5678'],
    ]);
  });
});

describe('erasure on request', () => {
  it('leaves the stays and their counts, and nothing that names or reaches the guest; acting on them is GUEST_ERASED', async () => {
    const booking = await desk.call('bookings.create', {
      guestId: hotel.guest,
      channel: 'phone',
      arrival: '2026-11-26',
      departure: '2026-11-27',
      roomTypeId: hotel.standard,
      adults: 1,
      specialRequests: '王女士对花生过敏',
    });
    await desk.call('members.enrol', { guestId: hotel.guest, cardNo: 'VIP-8888', birthday: '1990-01-01' });
    await desk.call('guests.update', {
      id: hotel.guest,
      name: '王芳',
      phone: '13812345678',
      email: 'wang@example.com',
      idType: 'id_card',
      segment: 'business',
      preferences: '高楼层',
      specialNeeds: '无烟房',
    });

    await eraseHotelGuest();

    const row = await desk.services.db
      .selectFrom('guest')
      .selectAll()
      .where('id', '=', hotel.guest)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: ERASED_GUEST_NAME,
      phone_sealed: null,
      phone_hmac: null,
      phone_last4: null,
      phone_masked: null,
      id_type: null,
      id_number_sealed: null,
      id_number_hmac: null,
      email: null,
      preferences: null,
      special_needs: null,
      segment: 'business',
      erased_at: expect.any(String),
      deleted_at: expect.any(String),
    });
    expect(
      await desk.services.db
        .selectFrom('member')
        .select(['card_no', 'birthday'])
        .where('guest_id', '=', hotel.guest)
        .execute(),
    ).toEqual([{ card_no: null, birthday: null }]);
    const kept = await desk.services.db
      .selectFrom('booking')
      .selectAll()
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      guest_id: hotel.guest,
      total_fen: booking.totalFen,
      status: 'confirmed',
      special_requests: '',
    });
    const labels = await desk.services.db
      .selectFrom('approval_request')
      .select('subject_label')
      .where('subject_id', '=', hotel.guest)
      .execute();
    expect(labels.map((r) => r.subject_label).join()).not.toContain('王芳');

    expect((await desk.fail('guests.get', { id: hotel.guest })).code).toBe('GUEST_ERASED');
    expect((await desk.fail('guests.update', { id: hotel.guest, name: '王芳', segment: 'leisure' })).code).toBe(
      'GUEST_ERASED',
    );
    expect(
      (
        await desk.fail('bookings.create', {
          guestId: hotel.guest,
          channel: 'phone',
          arrival: '2026-11-27',
          departure: '2026-11-28',
          roomTypeId: hotel.standard,
          adults: 1,
        })
      ).code,
    ).toBe('GUEST_ERASED');
    expect(await desk.call('search.quick', { q: '王芳' })).toMatchObject({ guests: [] });
    expect((await desk.call('bookings.get', { id: booking.id })).guest).toMatchObject({
      name: ERASED_GUEST_NAME,
      phone: null,
    });
  });
});

describe('phones and ID numbers written before they were sealed', () => {
  /** What migration 15 leaves on a desk whose guest had them in clear: the row without them, the values waiting. */
  async function waitingGuest(): Promise<string> {
    const id = '0192f000-0000-7000-8000-0000000000aa';
    const at = desk.clock.now().toISOString();
    await desk.services.db
      .insertInto('guest')
      .values({
        id,
        customer_no: 'C00000099',
        name: '李雷',
        segment: 'leisure',
        id_type: 'passport',
        temporary: 0,
        created_at: at,
        updated_at: at,
        server_version: null,
        deleted_at: null,
      })
      .execute();
    await desk.services.db
      .insertInto('guest_unsealed')
      .values({ guest_id: id, phone: '139 1234 0000', id_number: 'e99887766' })
      .execute();
    return id;
  }

  it('are sealed when the desk starts holding the key, pushed as the desk’s job, and the clear copy is gone', async () => {
    const id = await waitingGuest();
    // A visitor's ID number sold before, set aside the same way.
    const order = await sellTicket('11010119900307123X');
    const [visitor] = await desk.services.db
      .selectFrom('ticket_visitor')
      .select('id')
      .where('order_id', '=', order)
      .execute();
    await desk.services.db
      .updateTable('ticket_visitor')
      .set({ id_number_sealed: null, id_number_hmac: null, id_number_masked: null })
      .where('id', '=', visitor!.id)
      .execute();
    await desk.services.db
      .insertInto('ticket_visitor_unsealed')
      .values({ visitor_id: visitor!.id, id_number: '11010119900307123X' })
      .execute();
    await desk.close();
    desk = await openDesk(desk.dataDir);
    await signIn(desk, 'lina');

    expect(await desk.services.db.selectFrom('guest_unsealed').selectAll().execute()).toEqual([]);
    expect(await desk.services.db.selectFrom('ticket_visitor_unsealed').selectAll().execute()).toEqual([]);
    expect(
      (
        await desk.call('tickets.find', {
          number: (
            await desk.services.db
              .selectFrom('ticket_order')
              .select('number')
              .where('id', '=', order)
              .executeTakeFirstOrThrow()
          ).number,
        })
      ).visitors,
    ).toEqual([expect.objectContaining({ name: '韩梅梅', idNumber: '110***********123X' })]);
    expect((await desk.call('search.quick', { q: 'E99887766' })).guests.map((g) => [g.name, g.phone])).toEqual([
      ['李雷', '139****0000'],
    ]);
    expect((await desk.call('guests.get', { id })).phone).toBe('13912340000');
    const jobs = await desk.services.db
      .selectFrom('outbox')
      .select('effects_json')
      .where('name', '=', 'job.changes')
      .execute();
    const sealed = jobs
      .flatMap((job) => JSON.parse(job.effects_json) as { table: string; key: string; row: Record<string, unknown> }[])
      .filter((e) => e.table === 'guest' && e.key === id);
    expect(sealed).toEqual([
      expect.objectContaining({
        row: expect.objectContaining({
          phone_sealed: expect.any(String),
          id_number_hmac: expect.any(String),
          phone_last4: '0000',
        }),
      }),
    ]);
    expect(JSON.stringify(sealed)).not.toContain('99887766');
    expect(jobs.map((job) => job.effects_json).join()).toContain(`"key":"${visitor!.id}"`);
    expect(jobs.map((job) => job.effects_json).join()).not.toContain('11010119900307123X');
  });

  it('wait while the property has no key, and are sealed when an admin makes it (vault.create)', async () => {
    const id = await waitingGuest();
    await desk.close();
    fs.rmSync(path.join(desk.dataDir, VAULT_TEST_FILE));
    const raw = await openDatabase(desk.dataDir);
    await sql`UPDATE property SET key_id = NULL, key_envelope = NULL`.execute(raw.db);
    await raw.db.destroy();
    desk = await openDesk(desk.dataDir);
    expect(await desk.services.db.selectFrom('guest_unsealed').select('guest_id').execute()).toEqual([
      { guest_id: id },
    ]);

    await signIn(desk, 'admin', ADMIN.password);
    await desk.call('vault.create', { passphrase: RECOVERY_PASSPHRASE });
    expect(await desk.services.db.selectFrom('guest_unsealed').selectAll().execute()).toEqual([]);
    await signIn(desk, 'chen');
    expect(await desk.call('guests.revealId', { id })).toEqual({ idNumber: 'E99887766' });
  });

  it('migration 15 moves them out of the guest and visitor rows into the waiting tables, and out of the changes waiting to be pushed', async () => {
    const dataDir = tempDir();
    const before15 = MIGRATIONS.findIndex(([name]) => name === '2026-11-30-15-sealed-guest-fields');
    const old = await openDatabase(dataDir, { migrations: MIGRATIONS.slice(0, before15) });
    await sql`INSERT INTO guest (id, customer_no, name, phone, segment, id_type, id_number, temporary, created_at, updated_at)
      VALUES ('g1', 'C1', '韩梅梅', '13812345678', 'leisure', 'id_card', '330102199001011234', 0, '2026-11-26T00:00:00.000Z', '2026-11-26T00:00:00.000Z')`.execute(
      old.db,
    );
    // A visitor alone (its order does not matter here).
    old.sqlite.pragma('foreign_keys = OFF');
    await sql`INSERT INTO ticket_visitor (id, order_id, name, id_type, id_number) VALUES ('v1', 'o1', '李雷', 'passport', 'E99887766')`.execute(
      old.db,
    );
    // An edit of the guest's phone still waiting to be pushed, with the row as it was before.
    const oldRow = {
      id: 'g1',
      name: '韩梅梅',
      phone: '13812345678',
      id_number: '330102199001011234',
      segment: 'leisure',
    };
    await old.db
      .insertInto('outbox')
      .values({
        seq: 1,
        id: 'i1',
        name: 'guests.update',
        input_json: '{}',
        schema_version: 1,
        created_at: '2026-11-26T00:00:00.000Z',
        effects_json: JSON.stringify([{ table: 'guest', key: 'g1', row: oldRow, columns: ['phone', 'segment'] }]),
        befores_json: JSON.stringify([
          { table: 'guest', key: 'g1', row: { ...oldRow, phone: '13900000000', segment: 'business' } },
        ]),
      })
      .execute();
    await old.db.destroy();
    const migrated = await openDatabase(dataDir);
    expect(await migrated.db.selectFrom('guest_unsealed').selectAll().execute()).toEqual([
      { guest_id: 'g1', phone: '13812345678', id_number: '330102199001011234' },
    ]);
    const columns = (
      await sql<{ name: string }>`SELECT name FROM pragma_table_info('guest')`.execute(migrated.db)
    ).rows.map((r) => r.name);
    expect(columns).not.toContain('phone');
    expect(columns).not.toContain('id_number');
    expect(await migrated.db.selectFrom('ticket_visitor_unsealed').selectAll().execute()).toEqual([
      { visitor_id: 'v1', id_number: 'E99887766' },
    ]);
    const visitorColumns = (
      await sql<{ name: string }>`SELECT name FROM pragma_table_info('ticket_visitor')`.execute(migrated.db)
    ).rows.map((r) => r.name);
    expect(visitorColumns).not.toContain('id_number');
    // The waiting change's rows take the new shape: no clear value, the new columns empty, the phone's columns named for it.
    const [pending] = await migrated.db.selectFrom('outbox').select(['effects_json', 'befores_json']).execute();
    const empty = {
      phone_sealed: null,
      phone_hmac: null,
      phone_last4: null,
      phone_masked: null,
      id_number_sealed: null,
      id_number_hmac: null,
      erased_at: null,
    };
    expect(JSON.parse(pending!.effects_json)).toEqual([
      {
        table: 'guest',
        key: 'g1',
        row: { id: 'g1', name: '韩梅梅', segment: 'leisure', ...empty },
        columns: ['phone_sealed', 'phone_hmac', 'phone_last4', 'phone_masked', 'segment'],
      },
    ]);
    expect(JSON.parse(pending!.befores_json)).toEqual([
      { table: 'guest', key: 'g1', row: { id: 'g1', name: '韩梅梅', segment: 'business', ...empty } },
    ]);
    expect(pending!.effects_json + pending!.befores_json).not.toMatch(/13812345678|13900000000|330102199001011234/);
    await migrated.db.destroy();
  });
});
