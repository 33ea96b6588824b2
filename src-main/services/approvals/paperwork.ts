/**
 * Emergency authorisations whose paperwork is past due: each is written to the audit trail once,
 * when first found overdue (checked hourly and at start).
 */
import { appendAudit } from '../audit/chain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Vault } from '../../vault/vault';
import type { Clock } from '../clock';

export async function logOverduePaperwork(services: {
  db: Kysely<Database>;
  clock: Clock;
  device: { id: string };
  vault: Pick<Vault, 'audit'>;
}): Promise<number> {
  const now = services.clock.now();
  return services.db.transaction().execute(async (trx) => {
    const overdue = await trx
      .selectFrom('approval_request')
      .select(['id', 'paperwork_due_at', 'operation', 'subject_label'])
      .where('emergency', '=', 1)
      .where('paperwork_done_at', 'is', null)
      .where('paperwork_overdue_logged', '=', 0)
      .where('paperwork_due_at', '<', now.toISOString())
      .execute();
    for (const request of overdue) {
      await trx
        .updateTable('approval_request')
        .set({ paperwork_overdue_logged: 1 })
        .where('id', '=', request.id)
        .execute();
      await appendAudit(trx, services.vault.audit, {
        at: now,
        deviceId: services.device.id,
        actor: null,
        operation: 'approvals.paperworkOverdue',
        outcome: 'failed',
        entityType: 'approval_request',
        entityId: request.id,
        detail: {
          after: {
            paperworkDueAt: request.paperwork_due_at,
            operation: request.operation,
            subject: request.subject_label,
          },
        },
      });
    }
    return overdue.length;
  });
}
