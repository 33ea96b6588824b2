/** Replaces secret input fields (dotted paths) before an input is written to the audit trail or the outbox. */
export function redact(input: unknown, paths: readonly string[] | undefined): unknown {
  if (!paths?.length || typeof input !== 'object' || input === null) return input;
  const copy = structuredClone(input) as Record<string, unknown>;
  for (const dotted of paths) {
    const keys = dotted.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const key of keys.slice(0, -1)) {
      const next: unknown = node?.[key];
      node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : undefined;
    }
    const last = keys.at(-1)!;
    if (node && last in node) node[last] = '[redacted]';
  }
  return copy;
}
