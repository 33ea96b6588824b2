/** What the policy asks of one call before it may take effect. */
import type { Kysely } from 'kysely';
import type { Role } from '@shared/permissions';
import { NO_REQUIREMENTS, requirementsFor, type Requirements } from '@shared/rules/approval-tiers';
import type { Database } from '../../db/schema';
import { describeHeld, isApprovable } from './held-operations';
import { loadRule, loadTiers } from './policy';

export async function requirementsForCall(
  db: Kysely<Database>,
  operation: string,
  input: unknown,
  role: Role,
  now: Date,
): Promise<Requirements> {
  if (!isApprovable(operation)) return NO_REQUIREMENTS;
  const rule = await loadRule(db, operation);
  if (!rule) return NO_REQUIREMENTS;
  const { amountFen, exempt } = await describeHeld(db, operation, input, now);
  if (exempt) return NO_REQUIREMENTS;
  return requirementsFor(rule, await loadTiers(db), amountFen, role);
}
