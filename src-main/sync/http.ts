/** JSON over HTTP to the central server; failures classified the way the sync loop acts on them. */
import type { SyncErrorBody } from '@shared/sync/protocol';

/** network: no answer (retry); server: 5xx (retry); refused: 4xx with a code (act on it, do not retry blindly). */
export class SyncHttpError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'refused',
    readonly code: string,
    readonly body: SyncErrorBody | null = null,
  ) {
    super(code);
  }

  get retryable(): boolean {
    return this.kind !== 'refused';
  }
}

export async function postJson<T>(serverUrl: string, route: string, body: unknown, token: string | null, timeoutMs = 30_000): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(route, serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new SyncHttpError('network', 'NETWORK');
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw response.ok || response.status >= 500 ? new SyncHttpError('server', 'SERVER_ERROR') : new SyncHttpError('refused', 'BAD_REQUEST');
  }
  if (response.ok) return parsed as T;
  if (response.status >= 500) throw new SyncHttpError('server', 'SERVER_ERROR');
  const error = parsed as SyncErrorBody;
  throw new SyncHttpError('refused', typeof error?.error === 'string' ? error.error : 'BAD_REQUEST', error);
}
