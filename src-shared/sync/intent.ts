/**
 * What a staff member signs when they act at a desk: the intent — its id, the operation, who ran
 * it, on which approval, with which input, when — as canonical JSON. The desk signs it with the
 * person's key (derived from the password they typed); the server verifies it with the public key
 * on their staff row. The rows the intent wrote are not signed: the server judges them against the
 * operation's write rule and the signed input, and a rebase may write them anew.
 */

/** JSON with object keys in order and undefined left out: one text for one value, however it was built. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface SignedIntent {
  id: string;
  name: string;
  actorId: string | null;
  approvalId: string | null;
  input: unknown;
  at: string;
}

/** The text that is signed. */
export function intentPayload(intent: SignedIntent): string {
  return canonicalJson({
    v: 1,
    id: intent.id,
    name: intent.name,
    actorId: intent.actorId,
    approvalId: intent.approvalId,
    input: intent.input ?? null,
    at: intent.at,
  });
}
