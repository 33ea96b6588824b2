/**
 * What a customer document is attached to — a guest, a booking or a complaint — and how it is
 * named in lists: the guest's name and customer number, the booking's or the complaint's number.
 */
import type { Kysely } from 'kysely';
import type { ArchiveSubjectType } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';

export interface SubjectRef {
  type: ArchiveSubjectType;
  id: string;
}

/** The labels of the subjects given, by `type:id`; a subject that is gone has none. */
export async function subjectLabels(
  db: Kysely<Database>,
  subjects: readonly SubjectRef[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = (type: ArchiveSubjectType) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
  const guests = ids('guest');
  if (guests.length > 0)
    for (const row of await db
      .selectFrom('guest')
      .select(['id', 'name', 'customer_no'])
      .where('id', 'in', guests)
      .where('deleted_at', 'is', null)
      .execute())
      labels.set(`guest:${row.id}`, `${row.name} (${row.customer_no})`);
  const bookings = ids('booking');
  if (bookings.length > 0)
    for (const row of await db
      .selectFrom('booking')
      .innerJoin('guest', 'guest.id', 'booking.guest_id')
      .select(['booking.id', 'booking.number', 'guest.name'])
      .where('booking.id', 'in', bookings)
      .execute())
      labels.set(`booking:${row.id}`, `${row.number} · ${row.name}`);
  const complaints = ids('complaint');
  if (complaints.length > 0)
    for (const row of await db.selectFrom('complaint').select(['id', 'number']).where('id', 'in', complaints).execute())
      labels.set(`complaint:${row.id}`, row.number);
  return labels;
}

/** The subject's label; NOT_FOUND when there is no such guest, booking or complaint. */
export async function subjectLabel(db: Kysely<Database>, subject: SubjectRef): Promise<string> {
  const label = (await subjectLabels(db, [subject])).get(`${subject.type}:${subject.id}`);
  if (label === undefined) throw new AppError('NOT_FOUND');
  return label;
}
