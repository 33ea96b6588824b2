/**
 * Who may do what with the archive's tiers: which permission reads a tier's files, which manages
 * or attaches them, and the "any of these" checks of the lists (a contract list is for those who
 * manage or read contracts; customer documents for those who attach or read them).
 */
import { ARCHIVE_FILE_PERMISSION, ARCHIVE_READ_PERMISSION, type ArchiveTier } from '@shared/contract/archive';
import { AppError } from '@shared/errors';
import type { HandlerContext, SignedInContext } from '../rpc/handler';
import { grantsOf } from '../permissions';

export interface TierAccess {
  mayRead: boolean;
  mayManage: boolean;
}

export async function tierAccess(ctx: SignedInContext | HandlerContext, tier: ArchiveTier): Promise<TierAccess> {
  if (!ctx.session) return { mayRead: false, mayManage: false };
  const grants = await grantsOf(ctx.db, ctx.session.role);
  return { mayRead: grants.has(ARCHIVE_READ_PERMISSION[tier]), mayManage: grants.has(ARCHIVE_FILE_PERMISSION[tier]) };
}

/**
 * Refuses (PERMISSION_DENIED, naming the read permission) unless the person may see the tier's
 * documents: manage or read them (work records: read them).
 */
export async function requireSeeing(ctx: SignedInContext, tier: ArchiveTier): Promise<TierAccess> {
  const access = await tierAccess(ctx, tier);
  if (!access.mayRead && (tier === 'record' || !access.mayManage))
    throw new AppError('PERMISSION_DENIED', { permission: ARCHIVE_READ_PERMISSION[tier] });
  return access;
}
