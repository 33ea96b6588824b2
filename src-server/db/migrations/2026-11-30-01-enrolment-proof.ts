/**
 * Frozen: enrolment codes issued for one device (`code --device ID`), and why a code was spent
 * (the enrolment it made, or the refusal that burnt it).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enrolment_code').addColumn('for_device_id', 'text').execute();
  await db.schema.alterTable('enrolment_code').addColumn('outcome', 'text').execute();
}
