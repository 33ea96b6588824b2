/**
 * What every report document begins with: its kind and period, the UTC instants it runs between,
 * the property, data as of the last time this desk heard from the server, and who generated it and when.
 */
import type { Kysely } from 'kysely';
import type { Property } from '@shared/contract';
import type { ReportDocument, ReportKind } from '@shared/contract/reports';
import type { Database } from '../../db/schema';

export type ReportHeader = Omit<ReportDocument, 'sections' | 'definitions'>;

export interface HeaderInput {
  kind: ReportKind;
  /** The business date, ISO week or month. */
  period: string;
  /** The UTC instants the period begins and the next one begins. */
  span: { start: string; end: string };
  property: Pick<Property, 'name' | 'timeZone' | 'currency'>;
  now: Date;
  generatedBy: string;
}

/** The document's header; data as of the desk's last sync (null when it never synced). */
export async function reportHeader(
  db: Kysely<Database>,
  { kind, period, span, property, now, generatedBy }: HeaderInput,
): Promise<ReportHeader> {
  const sync = await db.selectFrom('sync_state').select('last_sync_at').executeTakeFirst();
  return {
    kind,
    period,
    from: span.start,
    to: span.end,
    property: { name: property.name, timeZone: property.timeZone, currency: property.currency },
    dataAsOf: sync?.last_sync_at ?? null,
    generatedAt: now.toISOString(),
    generatedBy,
  };
}
