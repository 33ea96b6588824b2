/** A loading query as a spinner, a failed one as its translated error, a loaded one as its content. */
import type { ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useErrorText } from '../../../i18n/errors';

export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { message } = useErrorText();
  if (query.isError) return <Alert color="red">{message(query.error)}</Alert>;
  if (query.data === undefined) return <Loader size="sm" />;
  return children(query.data);
}
