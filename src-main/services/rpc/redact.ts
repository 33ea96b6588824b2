/**
 * Replaces secret or personal input fields (dotted paths, `*` for every item of an array) before
 * an input is written to the audit trail or the outbox.
 */
function redactPath(node: unknown, keys: readonly string[]): void {
  if (typeof node !== 'object' || node === null || keys.length === 0) return;
  const [key, ...rest] = keys as [string, ...string[]];
  const record = node as Record<string, unknown>;
  const targets = key === '*' ? Object.keys(record) : key in record ? [key] : [];
  for (const target of targets) {
    if (rest.length === 0) record[target] = '[redacted]';
    else redactPath(record[target], rest);
  }
}

export function redact(input: unknown, paths: readonly string[] | undefined): unknown {
  if (!paths?.length || typeof input !== 'object' || input === null) return input;
  const copy = structuredClone(input);
  for (const dotted of paths) redactPath(copy, dotted.split('.'));
  return copy;
}
