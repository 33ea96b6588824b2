/**
 * Frozen: the heads of each desk's audit chain the server acknowledged (checkpoints, append-only),
 * and the reported chains it refused as rewritten (one row per device, contradicted checkpoint and
 * kind, when first seen).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('audit_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoint_pk', ['device_id', 'seq'])
    .execute();

  await db.schema
    .createTable('audit_checkpoint_refusal')
    .addColumn('device_id', 'text', (c) => c.notNull().references('device.id'))
    .addColumn('checkpoint_seq', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reported_json', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_checkpoint_refusal_pk', ['device_id', 'checkpoint_seq', 'reason'])
    .execute();
}
