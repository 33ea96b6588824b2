/** The supervisor's view of the audit trail. */
import type { AuditEntry } from '@shared/contract';
import { localDayStartUtc, nextLocalDate } from '@shared/time';
import type { AuditLogTable } from '../../db/schema';
import type { Selectable } from 'kysely';
import { loadProperty } from '../auth/session-info';
import type { HandlerMap } from '../rpc/handler';
import { verifyChain } from './chain';
import { entityLabels } from './entity-labels';
import { fromJson } from '@shared/json';

/** An audit row as the contract shows it (the audit screen, a month's work record). */
export function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    deskId: row.device_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    operation: row.operation,
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityLabel: null,
    outcome: row.outcome,
    detail: row.detail_json ? fromJson(row.detail_json) : null,
    hash: row.hash,
  };
}

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify'> = {
  'audit.list': async ({ db }, input) => {
    const { timeZone } = await loadProperty(db);
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(input.limit + 1);
    const typed = input.operation;
    const named = input.operations ?? [];
    if (typed || named.length > 0) {
      query = query.where((eb) =>
        eb.or([
          ...(typed ? [eb('operation', 'like', `%${typed}%`)] : []),
          ...(named.length > 0 ? [eb('operation', 'in', named)] : []),
        ]),
      );
    }
    if (input.actor) query = query.where('actor_name', 'like', `%${input.actor}%`);
    if (input.outcome) query = query.where('outcome', '=', input.outcome);
    if (input.from) query = query.where('at', '>=', localDayStartUtc(input.from, timeZone));
    if (input.to) query = query.where('at', '<', localDayStartUtc(nextLocalDate(input.to), timeZone));
    if (input.beforeSeq) query = query.where('seq', '<', input.beforeSeq);
    const rows = await query.execute();
    const entries = rows.slice(0, input.limit).map(toEntry);
    const labels = await entityLabels(db, entries);
    for (const entry of entries) entry.entityLabel = labels.get(`${entry.entityType}:${entry.entityId}`) ?? null;
    return { entries, nextBeforeSeq: rows.length > input.limit ? entries.at(-1)!.seq : null };
  },

  'audit.verify': async ({ db, vault, sync }) => verifyChain(db, vault.audit, await sync.auditCheckpoint()),
};
