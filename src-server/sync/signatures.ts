/**
 * The person a pushed intent names was at the desk: the intent is signed (src-shared/sync/intent.ts)
 * with the Ed25519 key whose public half is on their staff row, a key derived from their password.
 * Someone else may sign only where they answer for it: the supervisor who approved at the desk
 * signs that decision, and an approver signs the held operation their approval let run (which
 * approvals.ts checks against the approval's decisions).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { intentPayload } from '@shared/sync/intent';
import type { PushedMutation } from '@shared/sync/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isActiveStaff, type AuthorityCache, type Pusher, type Rejection } from './authority';

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Public keys as imported, by their text: importing one costs as much as checking a signature. */
const imported = new Map<string, KeyObject>();
const IMPORTED_MAX = 10_000;

function publicKeyOf(text: string): KeyObject {
  let key = imported.get(text);
  if (!key) {
    key = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, Buffer.from(text, 'base64')]),
      format: 'der',
      type: 'spki',
    });
    if (imported.size >= IMPORTED_MAX) imported.clear();
    imported.set(text, key);
  }
  return key;
}

function validSignature(publicKey: string, payload: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(payload), publicKeyOf(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The approver an approval at the desk names: only they may sign it — never the requester at whose desk it happened. */
function approverAtDesk(mutation: PushedMutation): string | null {
  const decision = mutation.effects.find((effect) => effect.table === 'approval_decision' && effect.row !== null);
  return decision?.row ? String(decision.row.decider_id) : null;
}

/** Whether someone other than the actor may sign this intent (the approval check then holds them to its decisions). */
function mayCountersign(mutation: PushedMutation, signer: string): boolean {
  return (
    mutation.approvalId !== null || (mutation.name === 'approvals.approveAtDesk' && approverAtDesk(mutation) === signer)
  );
}

export async function checkSignature(
  db: Kysely<Database>,
  pusher: Pusher,
  mutation: PushedMutation,
  cache: AuthorityCache,
): Promise<Rejection | null> {
  const invalid = (detail: string): Rejection => ({ reason: 'SIGNATURE_INVALID', detail });
  const { signedBy, signature } = mutation;
  if (!signedBy || !signature) return invalid('unsigned');
  if (mutation.name === 'approvals.approveAtDesk' && signedBy !== approverAtDesk(mutation))
    return invalid('not signed by the approver');
  if (signedBy !== mutation.actorId && !mayCountersign(mutation, signedBy)) return invalid('signed by someone else');
  const signer = await cache.actor(db, pusher.propertyId, signedBy);
  if (!isActiveStaff(signer) || typeof signer.sign_key !== 'string') return invalid('signer has no key');
  const payload = intentPayload({
    id: mutation.id,
    name: mutation.name,
    actorId: mutation.actorId,
    approvalId: mutation.approvalId,
    input: mutation.input,
    at: mutation.at,
  });
  return validSignature(signer.sign_key, payload, signature) ? null : invalid('bad signature');
}
