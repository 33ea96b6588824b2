/**
 * Replaces secret or personal input fields (dotted paths, `*` for every item of an array) before
 * an input is written to the audit trail or the outbox.
 */
function replacePath(node: unknown, keys: readonly string[], replace: (value: unknown) => unknown): void {
  if (typeof node !== 'object' || node === null || keys.length === 0) return;
  const [key, ...rest] = keys as [string, ...string[]];
  const record = node as Record<string, unknown>;
  const targets = key === '*' ? Object.keys(record) : key in record ? [key] : [];
  for (const target of targets) {
    if (rest.length === 0) record[target] = replace(record[target]);
    else replacePath(record[target], rest, replace);
  }
}

/** A copy of the input with the value at each path replaced. */
export function replaceFields(
  input: unknown,
  paths: readonly string[] | undefined,
  replace: (value: unknown) => unknown,
): unknown {
  if (!paths?.length || typeof input !== 'object' || input === null) return input;
  const copy = structuredClone(input);
  for (const dotted of paths) replacePath(copy, dotted.split('.'), replace);
  return copy;
}

export function redact(input: unknown, paths: readonly string[] | undefined): unknown {
  return replaceFields(input, paths, () => '[redacted]');
}
