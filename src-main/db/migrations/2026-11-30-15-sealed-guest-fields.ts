/**
 * Frozen: guests' ID numbers and phones, and ticket visitors' ID numbers, leave their tables in
 * clear. Each is kept sealed (AES-256-GCM under the property key, base64) with a keyed hash of its
 * normalised form for exact lookup; a phone also keeps its last four digits (search) and its
 * masked form (lists), a visitor's ID number its masked form. The trigram index keeps names and
 * customer numbers only. Values already on the desk wait in `guest_unsealed` and
 * `ticket_visitor_unsealed` (local, never synced) until the desk holds the key and seals them; a
 * migration cannot, because the key is not in the database; changes still waiting to be pushed
 * are brought to the new shape the same way. `erased_at` marks a guest erased on request, which
 * drops what waits for them.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    'id_number_sealed',
    'id_number_hmac',
    'phone_sealed',
    'phone_hmac',
    'phone_last4',
    'phone_masked',
    'erased_at',
  ]) {
    await db.schema.alterTable('guest').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('guest_unsealed')
    .addColumn('guest_id', 'text', (c) => c.primaryKey().references('guest.id'))
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .execute();
  await sql`INSERT INTO guest_unsealed (guest_id, id_number, phone) SELECT id, id_number, phone FROM guest WHERE id_number IS NOT NULL OR phone IS NOT NULL`.execute(
    db,
  );
  // An erasure, made here or pulled from another desk, takes what waits with it (the key is not needed for that).
  await sql`CREATE TRIGGER guest_unsealed_erased AFTER UPDATE OF erased_at ON guest WHEN new.erased_at IS NOT NULL BEGIN
    DELETE FROM guest_unsealed WHERE guest_id = new.id;
  END`.execute(db);

  for (const trigger of ['guest_fts_insert', 'guest_fts_delete', 'guest_fts_update'])
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
  await sql`DROP TABLE guest_fts`.execute(db);
  await db.schema.dropIndex('guest_phone').execute();
  await db.schema.dropIndex('guest_id_number').execute();
  await db.schema.alterTable('guest').dropColumn('id_number').execute();
  await db.schema.alterTable('guest').dropColumn('phone').execute();

  await db.schema.createIndex('guest_id_number_hmac').on('guest').column('id_number_hmac').execute();
  await db.schema.createIndex('guest_phone_hmac').on('guest').column('phone_hmac').execute();
  await db.schema.createIndex('guest_phone_last4').on('guest').column('phone_last4').execute();
  await sql`CREATE VIRTUAL TABLE guest_fts USING fts5(name, customer_no, content='guest', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  await sql`INSERT INTO guest_fts(rowid, name, customer_no) SELECT rowid, name, customer_no FROM guest`.execute(db);
  await sql`CREATE TRIGGER guest_fts_insert AFTER INSERT ON guest BEGIN
    INSERT INTO guest_fts(rowid, name, customer_no) VALUES (new.rowid, new.name, new.customer_no);
  END`.execute(db);
  await sql`CREATE TRIGGER guest_fts_delete AFTER DELETE ON guest BEGIN
    INSERT INTO guest_fts(guest_fts, rowid, name, customer_no) VALUES ('delete', old.rowid, old.name, old.customer_no);
  END`.execute(db);
  await sql`CREATE TRIGGER guest_fts_update AFTER UPDATE OF name, customer_no ON guest BEGIN
    INSERT INTO guest_fts(guest_fts, rowid, name, customer_no) VALUES ('delete', old.rowid, old.name, old.customer_no);
    INSERT INTO guest_fts(rowid, name, customer_no) VALUES (new.rowid, new.name, new.customer_no);
  END`.execute(db);

  // Ticket visitors' ID numbers likewise: sealed, hashed, and masked for the order's list.
  for (const column of ['id_number_sealed', 'id_number_hmac', 'id_number_masked']) {
    await db.schema.alterTable('ticket_visitor').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('ticket_visitor_unsealed')
    .addColumn('visitor_id', 'text', (c) => c.primaryKey().references('ticket_visitor.id'))
    .addColumn('id_number', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO ticket_visitor_unsealed (visitor_id, id_number) SELECT id, id_number FROM ticket_visitor`.execute(
    db,
  );
  await db.schema.alterTable('ticket_visitor').dropColumn('id_number').execute();

  await upgradePendingRows(db);
}

/** Each clear column, with the columns that replace it; and the columns a row gains beside. */
const REPLACED: Record<string, { clear: Record<string, readonly string[]>; added: readonly string[] }> = {
  guest: {
    clear: {
      phone: ['phone_sealed', 'phone_hmac', 'phone_last4', 'phone_masked'],
      id_number: ['id_number_sealed', 'id_number_hmac'],
    },
    added: ['erased_at'],
  },
  ticket_visitor: { clear: { id_number: ['id_number_sealed', 'id_number_hmac', 'id_number_masked'] }, added: [] },
};

interface PendingEffect {
  table: string;
  key: string;
  row: Record<string, unknown> | null;
  columns?: string[] | null;
}

function upgradeEffect(effect: PendingEffect): PendingEffect {
  const replaced = REPLACED[effect.table];
  if (!replaced) return effect;
  const row = effect.row && {
    ...Object.fromEntries(Object.entries(effect.row).filter(([column]) => !(column in replaced.clear))),
    ...Object.fromEntries([...Object.values(replaced.clear).flat(), ...replaced.added].map((column) => [column, null])),
  };
  const columns = effect.columns && effect.columns.flatMap((column) => replaced.clear[column] ?? [column]);
  return { ...effect, row, ...(effect.columns !== undefined && { columns }) };
}

/**
 * Changes still waiting to be pushed wrote rows in the old shape: their guest and visitor rows
 * (and the images a rebase restores) lose the clear values, which wait above like the table's,
 * and take the new columns empty, so the server accepts them and the desk's sealing job fills
 * them in after. An intent's input stays as it was signed; it leaves the desk with its push.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
async function upgradePendingRows(db: Kysely<any>): Promise<void> {
  const pending = (await db.selectFrom('outbox').select(['seq', 'effects_json', 'befores_json']).execute()) as {
    seq: number;
    effects_json: string;
    befores_json: string;
  }[];
  for (const row of pending) {
    const effects = JSON.stringify((JSON.parse(row.effects_json) as PendingEffect[]).map(upgradeEffect));
    const befores = JSON.stringify((JSON.parse(row.befores_json) as PendingEffect[]).map(upgradeEffect));
    if (effects !== row.effects_json || befores !== row.befores_json) {
      await db
        .updateTable('outbox')
        .set({ effects_json: effects, befores_json: befores })
        .where('seq', '=', row.seq)
        .execute();
    }
  }
}
