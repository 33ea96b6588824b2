/**
 * The renderer's data hooks. `useCall(name, input)` reads a query operation, cached under its
 * name and input; `useMutate(name)` runs an operation on demand. Neither names a cache key or
 * refreshes anything by hand: what a mutation changes is declared beside the contract.
 */
import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { QueryName } from '@shared/contract/invalidations';
import { call, type InputArgs } from './client';
import { callKey } from './query-client';

type CallOptions<N extends QueryName, T> = Omit<
  UseQueryOptions<OutputOf<N>, Error, T, readonly [N, unknown]>,
  'queryKey' | 'queryFn'
>;

export function useCall<N extends QueryName, T = OutputOf<N>>(name: N, input: InputOf<N>, options?: CallOptions<N, T>) {
  return useQuery({
    ...options,
    queryKey: callKey(name, input),
    queryFn: () => call(name, ...([input] as InputArgs<N>)),
  });
}

/** What `mutate` takes: nothing for an operation whose input fields are all optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type MutateInput<N extends OperationName> = {} extends InputOf<N> ? InputOf<N> | void : InputOf<N>;
type MutateOptions<N extends OperationName> = Omit<
  UseMutationOptions<OutputOf<N>, Error, MutateInput<N>>,
  'mutationFn' | 'mutationKey'
>;

/** A mutation, or a query a button asks for (verifying the audit chain, finding a ticket order). */
export function useMutate<N extends OperationName>(name: N, options?: MutateOptions<N>) {
  return useMutation({
    ...options,
    mutationKey: [name],
    mutationFn: (input: MutateInput<N>) => call(name, ...([input ?? {}] as InputArgs<N>)),
  });
}
