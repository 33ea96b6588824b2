/**
 * Deleting archived documents: each is marked deleted (the row stays, so every desk and the server
 * learn of it), and this desk's encrypted chunks of its files go unless another live file names
 * them (a chunk is stored once by its hash, and an identical file elsewhere may share it). The
 * server lets go of its copies when the deletion reaches it (src-server/sync/blobs.ts).
 */
import type { Kysely } from 'kysely';
import { fromJson } from '@shared/json';
import type { Database } from '../../db/schema';

/** Deletes the documents; the number of chunks removed from this desk. */
export async function deleteDocuments(
  db: Kysely<Database>,
  ids: readonly string[],
  by: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  await db
    .updateTable('archive_document')
    .set({ deleted_at: now.toISOString(), deleted_by: by })
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  const files = await db.selectFrom('archive_file').select('chunks_json').where('document_id', 'in', ids).execute();
  const hashes = [...new Set(files.flatMap((file) => fromJson(file.chunks_json)))];
  if (hashes.length === 0) return 0;
  const stillNamed = new Set<string>();
  const live = await db
    .selectFrom('archive_file')
    .innerJoin('archive_document', 'archive_document.id', 'archive_file.document_id')
    .select('archive_file.chunks_json')
    .where('archive_document.deleted_at', 'is', null)
    .execute();
  for (const file of live) for (const hash of fromJson(file.chunks_json)) stillNamed.add(hash);
  const removable = hashes.filter((hash) => !stillNamed.has(hash));
  let removed = 0;
  for (let i = 0; i < removable.length; i += 500) {
    const result = await db
      .deleteFrom('archive_chunk')
      .where('hash', 'in', removable.slice(i, i + 500))
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

/**
 * A guest erased on request takes their customer documents with them: those attached to the guest,
 * to one of their bookings or to one of their complaints (the booking and the complaint stay, as
 * the business's records, without the guest's papers).
 */
export async function deleteGuestDocuments(
  db: Kysely<Database>,
  guestId: string,
  by: string,
  now: Date,
): Promise<void> {
  const documents = await db
    .selectFrom('archive_document')
    .select('id')
    .where('tier', '=', 'customer')
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_type', '=', 'guest'), eb('subject_id', '=', guestId)]),
        eb.and([
          eb('subject_type', '=', 'booking'),
          eb('subject_id', 'in', eb.selectFrom('booking').select('id').where('guest_id', '=', guestId)),
        ]),
        eb.and([
          eb('subject_type', '=', 'complaint'),
          eb('subject_id', 'in', eb.selectFrom('complaint').select('id').where('guest_id', '=', guestId)),
        ]),
      ]),
    )
    .execute();
  await deleteDocuments(
    db,
    documents.map((document) => document.id),
    by,
    now,
  );
}
