/**
 * JSON over HTTP to the central server; failures classified the way the sync loop acts on them.
 * The one way out of the desk to the server, so the transport rule is kept here: plain HTTP only
 * to this machine, unless the link was enrolled with "insecure (lab only)".
 */
import type { SyncErrorBody } from '@shared/sync/protocol';
import { transportAllowed } from '@shared/sync/transport';

/** Where the server is, and whether plain HTTP over a network was allowed at enrolment. */
export interface ServerLink {
  serverUrl: string;
  allowInsecure: boolean;
}

/** An enrolled desk's link: the server and the token it issued. */
export interface Link extends ServerLink {
  token: string;
}

/**
 * network: no answer (retry); server: 5xx or rate limited (retry later); refused: 4xx with a code
 * (act on it, do not retry blindly); insecure: plain HTTP over a network without the lab option
 * (nothing was sent).
 */
export class SyncHttpError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'refused' | 'insecure',
    readonly code: string,
    readonly body: SyncErrorBody | null = null,
  ) {
    super(code);
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

export async function postJson<T>(
  server: ServerLink,
  route: string,
  body: unknown,
  token: string | null,
  timeoutMs = 30_000,
): Promise<T> {
  if (!transportAllowed(server.serverUrl, server.allowInsecure))
    throw new SyncHttpError('insecure', 'SYNC_INSECURE_URL');
  let response: Response;
  try {
    response = await fetch(new URL(route, server.serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect could lead the token off TLS, or to another host: the address enrolled is the only one.
      redirect: 'error',
    });
  } catch {
    throw new SyncHttpError('network', 'NETWORK');
  }
  // The server's rate limit on enrolment and authentication failures: wait and try again later.
  if (response.status === 429) throw new SyncHttpError('server', 'RATE_LIMITED');
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    // A 2xx (or 501 Not Implemented) that is not JSON is no answer of ours: some other web server is at
    // that address. NOT_JSON, still retried by sync; a gateway's 502/503 page stays SERVER_ERROR.
    if (response.ok || response.status === 501) throw new SyncHttpError('server', 'NOT_JSON');
    throw response.status >= 500
      ? new SyncHttpError('server', 'SERVER_ERROR')
      : new SyncHttpError('refused', 'BAD_REQUEST');
  }
  if (response.ok) return parsed as T;
  if (response.status >= 500) throw new SyncHttpError('server', 'SERVER_ERROR');
  const error = parsed as SyncErrorBody;
  throw new SyncHttpError('refused', typeof error?.error === 'string' ? error.error : 'BAD_REQUEST', error);
}
