/**
 * A query's three states, drawn the same on every page: a spinner while it loads, its translated
 * error when it fails, and the content once there is data. Empty lists are the content's business
 * (see DataTable), since only the page knows how to say "nothing here".
 */
import type { ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import { useErrorText } from '../i18n/errors';

/** What is read of a query; plain and infinite queries both fit. */
interface QueryLike<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
}

export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  const { message } = useErrorText();
  if (query.isError) return <Alert color="red">{message(query.error)}</Alert>;
  if (query.data === undefined) return <Loader size="sm" />;
  return children(query.data);
}
