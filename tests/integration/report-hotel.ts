/**
 * What the daily and weekly report tests share on the hotel of hotel.ts: a stay booked for its
 * guest, the boat's tickets (¥50 a visitor, 09:00 for 10 and 13:00 for 5, free to cancel until it
 * sails), the reading of a report's figures and tables as plain numbers and strings, and the label
 * keys a report prints.
 */
import type { ReportDocument, ReportSection, ReportValue } from '@shared/contract/reports';
import type { Desk } from './desk';
import type { Hotel } from './hotel';

/** A stay for the hotel's guest, booked by phone for one adult; without a rate plan it sells at the base rate. */
export const stayFor =
  (hotel: () => Hotel) =>
  (arrival: string, departure: string, roomTypeId: string, ratePlanId: string | null = null) => ({
    guestId: hotel().guest,
    channel: 'phone' as const,
    arrival,
    departure,
    roomTypeId,
    ratePlanId,
    adults: 1,
  });

/** The boat (¥50 a visitor; 09:00 for 10, 13:00 for 5; free to cancel until it sails) and a way to sell it. */
export async function boatTickets(desk: Desk) {
  const boat = await desk.call('ticketProducts.save', {
    code: 'BOAT',
    name: '游船',
    priceFen: 5_000,
    slots: [
      { startTime: '09:00', endTime: '12:00', capacity: 10 },
      { startTime: '13:00', endTime: '16:00', capacity: 5 },
    ],
    cancellationPolicy: {
      graceHours: null,
      tiers: [],
      noShow: { kind: 'percent', percent: 100 },
      nonRefundable: false,
    },
  });
  const [morning, afternoon] = [boat.slots[0]!.id, boat.slots[1]!.id];
  const visitor = (n: number) => ({
    name: `游客${n}`,
    idType: 'id_card' as const,
    idNumber: `11010119900307${1230 + n}`,
  });
  /** An order of `count` visitors for a slot on a visit date. */
  const sell = (slotId: string, visitDate: string, count: number) =>
    desk.call('tickets.sell', {
      productId: boat.id,
      slotId,
      visitDate,
      visitors: Array.from({ length: count }, (_, i) => visitor(i)),
    });
  return { boat, morning, afternoon, sell };
}

/** A value as a plain number or string, for comparing with the figures worked out by hand. */
export function plain(value: ReportValue | undefined): number | string | null | undefined {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'money':
      return value.fen;
    case 'label':
      return value.key;
    case 'rate':
    case 'number':
    case 'count':
    case 'text':
    case 'date':
    case 'instant':
      return value.value;
  }
}

/** Sections, figures and table rows (as plain values) of the report `report()` gives at the time of the call. */
export function readerOf(report: () => ReportDocument) {
  const sectionOf = (id: string): ReportSection => report().sections.find((s) => s.id === id)!;
  const figuresOf = (id: string) => Object.fromEntries(sectionOf(id).figures.map((f) => [f.key, plain(f.value)]));
  const rowsOf = (sectionId: string, tableId: string, columns?: string[]) => {
    const table = sectionOf(sectionId).tables.find((t) => t.id === tableId)!;
    const pick = (row: Record<string, ReportValue>) =>
      Object.fromEntries((columns ?? table.columns.map((c) => c.key)).map((key) => [key, plain(row[key])]));
    return {
      rows: table.rows.map(pick),
      totals: table.totals && Object.fromEntries(Object.entries(table.totals).map(([k, v]) => [k, plain(v)])),
    };
  };
  return { sectionOf, figuresOf, rowsOf };
}

/** Every label key a report prints (reports.labels.<key>): its sections', figures', notes', tables' and columns' labels, and the labels among its cells. */
export function labelKeysOf(report: ReportDocument): Set<string> {
  const labels = new Set<string>();
  for (const s of report.sections) {
    labels.add(s.title);
    for (const f of s.figures) labels.add(f.label);
    for (const n of s.notes) labels.add(n.key);
    for (const t of s.tables) {
      labels.add(t.title);
      for (const c of t.columns) labels.add(c.label);
      for (const row of t.rows)
        for (const value of Object.values(row))
          if (value.kind === 'label' && value.key.startsWith('reports.labels.'))
            labels.add(value.key.slice('reports.labels.'.length));
    }
  }
  return labels;
}
