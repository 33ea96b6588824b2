/**
 * Frozen: member tiers get an English name (the desk in English shows it), seeded for the default
 * tier codes. The seeding is not a change to send: the server lays the same names over the tiers
 * it stores by its own migration 13, and no desk operation writes tiers.
 */
import { sql, type Kysely } from 'kysely';

const ENGLISH: Readonly<Record<string, string>> = {
  standard: 'Standard',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('member_tier').addColumn('name_en', 'text').execute();
  for (const [code, nameEn] of Object.entries(ENGLISH)) {
    await db.updateTable('member_tier').set({ name_en: nameEn }).where('code', '=', code).execute();
    await sql`DELETE FROM sync_touched WHERE table_name = 'member_tier' AND row_key = ${code}`.execute(db);
  }
}
