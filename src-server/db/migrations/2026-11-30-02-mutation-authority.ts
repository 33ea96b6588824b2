/**
 * Frozen: a mutation id is accepted once (push results are found by it), and an approval lets its
 * held operation run once (approval_use records the mutation that ran it).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('push_result_mutation_id').on('push_result').column('mutation_id').execute();
  await db.schema
    .createTable('approval_use')
    .addColumn('property_id', 'text', (c) => c.notNull())
    .addColumn('approval_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_use_pk', ['property_id', 'approval_id'])
    .execute();
}
