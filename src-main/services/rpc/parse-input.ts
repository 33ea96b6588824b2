/** An operation's input parsed by its contract schema: INPUT_INVALID names the fields, prefixed when the input is nested in another (a held operation's). */
import type { OperationDef } from '@shared/contract';
import { AppError } from '@shared/errors';

export function parseInput(op: OperationDef, rawInput: unknown, prefix = ''): unknown {
  const parsed = op.input.safeParse(rawInput ?? {});
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => prefix + (issue.path.join('.') || '(input)')))];
  throw new AppError('INPUT_INVALID', { fields: fields.join(', ') }, fields);
}
