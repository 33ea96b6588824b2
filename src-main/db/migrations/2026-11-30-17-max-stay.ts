/**
 * Frozen: the longest stay the property sells (nights), a property setting. Before it, a longer
 * stay was cut to 91 nights without a word and priced so.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('property')
    .addColumn('max_stay_nights', 'integer', (c) => c.notNull().defaultTo(90))
    .execute();
}
