/** Typed calls to the contract: `call('staff.create', input)` resolves to the output or throws AppError. */
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { createTransport } from './transport';

const transport = createTransport();

// `{} extends InputOf<N>` asks whether every input field is optional, so the argument may be left out.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export async function call<N extends OperationName>(name: N, ...args: {} extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>]): Promise<OutputOf<N>> {
  const result = await transport(name, args[0] ?? {});
  if (!result.ok) throw AppError.from(result.error);
  return result.value as OutputOf<N>;
}
