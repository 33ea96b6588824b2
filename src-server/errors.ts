/** Errors as values with codes: thrown inside the server, answered as `{ error: CODE, ...params }` with the protocol's status. */
import { SYNC_ERRORS, type SyncErrorBody, type SyncErrorCode } from '@shared/sync/protocol';
import type { z } from 'zod';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly params: Omit<SyncErrorBody, 'error'> & { message?: string } = {},
  ) {
    super(params.message ?? code);
    this.name = 'SyncError';
  }

  get status(): number {
    return SYNC_ERRORS[this.code];
  }

  body(): SyncErrorBody & { message?: string } {
    return { error: this.code, ...this.params };
  }
}

/** Parses a request body with a protocol schema, or throws BAD_REQUEST naming the first problem. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncError('BAD_REQUEST', {
      message: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body',
    });
  }
  return parsed.data;
}
