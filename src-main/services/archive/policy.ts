/** The property's archive policy (the synced setting 'archive.policy'; the contract's default until an admin sets it). */
import type { Kysely } from 'kysely';
import { DEFAULT_ARCHIVE_POLICY, type ArchivePolicy } from '@shared/contract/archive';
import type { Database } from '../../db/schema';
import type { HandlerMap } from '../rpc/handler';
import { readSetting, writeSetting } from '../settings/values';

export async function archivePolicy(db: Kysely<Database>): Promise<ArchivePolicy> {
  return { ...DEFAULT_ARCHIVE_POLICY, ...(await readSetting(db, 'archive.policy')) };
}

export const policyHandlers: HandlerMap<'archive.policy' | 'archive.setPolicy'> = {
  'archive.policy': ({ db }) => archivePolicy(db),

  'archive.setPolicy': async (ctx, policy) => {
    const before = await archivePolicy(ctx.db);
    await writeSetting(ctx.db, 'archive.policy', policy);
    ctx.audit({ entityType: 'setting', entityId: 'archive.policy', before, after: policy });
    return policy;
  },
};
