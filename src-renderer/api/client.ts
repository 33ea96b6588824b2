/**
 * Typed calls to the contract: `call('staff.create', input)` resolves to the output or throws
 * AppError. Every successful mutation is reported to `onMutated`'s listeners (the data layer,
 * which refreshes what the mutation changed), whichever screen or hook made the call.
 */
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { DeskEvent } from '@shared/contract/events';
import { isMutationName, type MutationName } from '@shared/contract/invalidations';
import { AppError } from '@shared/errors';
import { createTransport } from './transport';

const transport = createTransport();
const mutated = new Set<(name: MutationName) => void>();

/** The input argument, optional when every input field is (`{} extends InputOf<N>`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InputArgs<N extends OperationName> = {} extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>];

export async function call<N extends OperationName>(name: N, ...args: InputArgs<N>): Promise<OutputOf<N>> {
  const result = await transport.invoke(name, args[0] ?? {});
  if (!result.ok) throw AppError.from(result.error);
  if (isMutationName(name)) for (const listener of mutated) listener(name);
  return result.value as OutputOf<N>;
}

export function onMutated(listener: (name: MutationName) => void): () => void {
  mutated.add(listener);
  return () => mutated.delete(listener);
}

/** The host's events (see @shared/contract/events). */
export function onDeskEvent(listener: (event: DeskEvent) => void): () => void {
  return transport.subscribe(listener);
}
