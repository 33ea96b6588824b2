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

/**
 * An audit row as the contract shows it (the audit screen, a month's work record). The display
 * name is not part of the chained entry: null here (a work record keeps what the chain holds);
 * the audit list fills it in from the staff rows as they are now.
 */
export function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    deskId: row.device_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorDisplayName: null,
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
    // A removed staff member (deleted_at set) has no display name here: the entry's username stands.
    let query = db
      .selectFrom('audit_log')
      .leftJoin('staff', (join) => join.onRef('staff.id', '=', 'audit_log.actor_id').on('staff.deleted_at', 'is', null))
      .selectAll('audit_log')
      .select('staff.display_name as actor_display_name')
      .orderBy('audit_log.seq', 'desc')
      .limit(input.limit + 1);
    const typed = input.operation;
    const named = input.operations ?? [];
    if (typed || named.length > 0) {
      query = query.where((eb) =>
        eb.or([
          ...(typed ? [eb('audit_log.operation', 'like', `%${typed}%`)] : []),
          ...(named.length > 0 ? [eb('audit_log.operation', 'in', named)] : []),
        ]),
      );
    }
    const actor = input.actor;
    if (actor) {
      query = query.where((eb) =>
        eb.or([eb('audit_log.actor_name', 'like', `%${actor}%`), eb('staff.display_name', 'like', `%${actor}%`)]),
      );
    }
    if (input.outcome) query = query.where('audit_log.outcome', '=', input.outcome);
    if (input.from) query = query.where('audit_log.at', '>=', localDayStartUtc(input.from, timeZone));
    if (input.to) query = query.where('audit_log.at', '<', localDayStartUtc(nextLocalDate(input.to), timeZone));
    if (input.beforeSeq) query = query.where('audit_log.seq', '<', input.beforeSeq);
    const rows = await query.execute();
    const entries = rows
      .slice(0, input.limit)
      .map(({ actor_display_name, ...row }) => ({ ...toEntry(row), actorDisplayName: actor_display_name }));
    const labels = await entityLabels(db, entries);
    for (const entry of entries) entry.entityLabel = labels.get(`${entry.entityType}:${entry.entityId}`) ?? null;
    return { entries, nextBeforeSeq: rows.length > input.limit ? entries.at(-1)!.seq : null };
  },

  'audit.verify': async ({ db, vault, sync }) => verifyChain(db, vault.audit, await sync.auditCheckpoint()),
};
