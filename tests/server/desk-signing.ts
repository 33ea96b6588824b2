/**
 * How a compromised desk would send a crafted or tampered intent: signed by whoever is signed in
 * there (it has their key while they are; nobody else's), with the versions of what its rows
 * touch as the desk has them. An intent left as the desk queued it keeps its own signature.
 * A desk keeps every key it was ever handed: a test may sign with one it held earlier (the key of
 * someone's old password, which the server knows them by until their change reaches it).
 */
import { rootsOf } from '@shared/sync/aggregates';
import { canonicalJson } from '@shared/sync/intent';
import type { PushedMutation } from '@shared/sync/protocol';
import type { Signer } from '../../src-main/services/auth/signing';
import type { Desk } from '../integration/desk';

export type Unnumbered = Omit<PushedMutation, 'seq'>;

const fields = (m: Unnumbered) =>
  canonicalJson({
    id: m.id,
    name: m.name,
    actorId: m.actorId,
    approvalId: m.approvalId,
    input: m.input ?? null,
    at: m.at,
  });

/** The key of whoever is signed in at the desk now (null when nobody is, or their account has none yet). */
export function signedInKey(desk: Desk): Signer | null {
  return desk.services.sessions.current?.signer ?? null;
}

export async function asDeskWould<M extends Unnumbered>(
  desk: Desk,
  mutation: M,
  signer: Signer | null = signedInKey(desk),
): Promise<M> {
  const queued = await desk.services.db
    .selectFrom('outbox')
    .selectAll()
    .where('id', '=', mutation.id)
    .executeTakeFirst();
  const unchanged =
    queued !== undefined &&
    fields(mutation) ===
      fields({
        id: queued.id,
        name: queued.name,
        actorId: queued.actor_id,
        approvalId: queued.approval_id,
        input: JSON.parse(queued.input_json) as unknown,
        at: queued.created_at,
        effects: [],
      });
  const signed = unchanged
    ? { signedBy: queued.signed_by, signature: queued.signature }
    : {
        signedBy: signer?.staffId ?? null,
        signature: signer
          ? signer.sign({
              id: mutation.id,
              name: mutation.name,
              actorId: mutation.actorId,
              approvalId: mutation.approvalId,
              input: mutation.input ?? null,
              at: mutation.at,
            })
          : null,
      };
  if (mutation.bases !== undefined) return { ...mutation, ...signed };
  const roots = [...rootsOf(mutation.effects.map((effect) => ({ table: effect.table, row: effect.row })))];
  const seen =
    roots.length === 0
      ? []
      : await desk.services.db.selectFrom('sync_root').selectAll().where('root_key', 'in', roots).execute();
  return { ...mutation, ...signed, bases: Object.fromEntries(seen.map((row) => [row.root_key, row.version])) };
}
