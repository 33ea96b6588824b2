/** The vault's operations: its state, unlocking a joining desk, a property's first key, a new recovery passphrase. */
import type { Kysely } from 'kysely';
import type { VaultStatus } from '@shared/contract';
import { AppError } from '@shared/errors';
import { PASSPHRASE_MIN_LENGTH, passphraseStrongEnough } from '@shared/rules/passphrase';
import type { Database } from '../../db/schema';
import { newKey } from '../../vault/crypto';
import { propertyEnvelope, unwrapWithPassphrase, wrapWithPassphrase } from '../../vault/recovery';
import type { Vault } from '../../vault/vault';
import { sealWaitingGuests } from '../guests/seal-waiting';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { sealAuditKey } from '../audit/escrow';

/** `field`: the input field that holds the passphrase, for the form to mark. */
function requireStrongPassphrase(passphrase: string, field: string): void {
  if (!passphraseStrongEnough(passphrase))
    throw new AppError('PASSPHRASE_WEAK', { min: PASSPHRASE_MIN_LENGTH }, [field]);
}

/** A new property key, kept on this desk, and its recovery envelope for the property row. */
export async function makePropertyKey(
  vault: Vault,
  passphrase: string,
  field = 'passphrase',
): Promise<{ key_envelope: string; key_id: string }> {
  requireStrongPassphrase(passphrase, field);
  const key = newKey();
  const envelope = await wrapWithPassphrase(key, passphrase);
  await vault.adopt(key);
  return { key_envelope: JSON.stringify(envelope), key_id: envelope.keyId };
}

async function vaultStatus(db: Kysely<Database>, vault: Vault): Promise<VaultStatus> {
  const property = await db.selectFrom('property').select('key_id').executeTakeFirst();
  return { state: await vault.state(db), store: vault.storeKind, keyId: property?.key_id ?? null };
}

async function setEnvelope(ctx: HandlerContext, columns: { key_envelope: string; key_id: string }): Promise<void> {
  const property = await ctx.db.selectFrom('property').select('id').executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('property')
    .set({ ...columns, updated_at: ctx.now.toISOString() })
    .where('id', '=', property.id)
    .execute();
  ctx.audit({ entityType: 'property', entityId: property.id, after: { keyId: columns.key_id } });
}

export const vaultHandlers: HandlerMap<
  'vault.status' | 'vault.unlock' | 'vault.create' | 'vault.sealRecovery' | 'vault.changePassphrase'
> = {
  'vault.status': async ({ db, vault }) => vaultStatus(db, vault),

  'vault.unlock': async (ctx, { passphrase }) => {
    const { db } = ctx;
    const envelope = await propertyEnvelope(db);
    if (!envelope) throw new AppError('VAULT_UNSET');
    const key = await unwrapWithPassphrase(envelope, passphrase);
    if (!key) {
      ctx.audit({ entityType: 'property', entityId: envelope.keyId });
      return ctx.failAfterCommit(new AppError('PASSPHRASE_WRONG'));
    }
    await ctx.vault.adopt(key);
    await sealAuditKey(db, ctx);
    await sealWaitingGuests(db, ctx);
    ctx.audit({ entityType: 'property', entityId: envelope.keyId });
    return vaultStatus(db, ctx.vault);
  },

  'vault.create': async (ctx, { passphrase }) => {
    if ((await ctx.vault.state(ctx.db)) !== 'unset') throw new AppError('VAULT_EXISTS');
    await setEnvelope(ctx, await makePropertyKey(ctx.vault, passphrase));
    await sealAuditKey(ctx.db, ctx);
    await sealWaitingGuests(ctx.db, ctx);
    return vaultStatus(ctx.db, ctx.vault);
  },

  'vault.sealRecovery': async (ctx, { passphrase }) => {
    requireStrongPassphrase(passphrase, 'passphrase');
    await ctx.vault.open(ctx.db);
    const envelope = await wrapWithPassphrase(ctx.vault.propertyKey(), passphrase);
    ctx.audit({ entityType: 'property', entityId: envelope.keyId });
    return envelope;
  },

  'vault.changePassphrase': async (ctx, { envelope }) => {
    // The envelope must wrap this property's key (its fingerprint says so); it may run on the
    // approver's desk, which need not hold the key itself.
    const property = await ctx.db.selectFrom('property').select('key_id').executeTakeFirst();
    if (!property?.key_id) throw new AppError('VAULT_UNSET');
    if (envelope.keyId !== property.key_id) throw new AppError('INPUT_INVALID', { fields: 'envelope' }, ['envelope']);
    await setEnvelope(ctx, { key_envelope: JSON.stringify(envelope), key_id: envelope.keyId });
    return vaultStatus(ctx.db, ctx.vault);
  },
};
