/**
 * An audit entry's before/after as the fields that changed: nested objects are walked to dotted
 * paths ("awaiting.approverRole"); lists and deeper values are compared whole. An entry with only
 * an "after" (a record made) lists every field with nothing before; one with only an "input"
 * (a read, a denied call) lists what was submitted.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const MAX_DEPTH = 3;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value's leaves keyed by dotted path; a non-object is one leaf at the empty path. */
export function flatten(value: unknown, prefix = '', depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isPlainObject(value) || depth >= MAX_DEPTH) {
    out.set(prefix, value);
    return out;
  }
  const keys = Object.keys(value);
  if (keys.length === 0 && prefix) out.set(prefix, value);
  for (const key of keys) {
    for (const [path, leaf] of flatten(value[key], prefix ? `${prefix}.${key}` : key, depth + 1)) out.set(path, leaf);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between before and after, in the order they first appear. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const was = before === undefined || before === null ? new Map<string, unknown>() : flatten(before);
  const now = after === undefined || after === null ? new Map<string, unknown>() : flatten(after);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  return fields
    .filter((field) => !same(was.get(field), now.get(field)))
    .map((field) => ({ field, before: was.get(field), after: now.get(field) }));
}
