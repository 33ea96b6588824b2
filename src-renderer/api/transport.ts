/**
 * How the renderer reaches the services: the preload bridge inside Electron, or HTTP to the
 * browser harness (token from the URL fragment `#token=…`, kept for the tab's lifetime).
 * Nothing else differs between the two.
 */
import type { YingbinBridge } from '@shared/contract/bridge';
import type { Result } from '@shared/errors';

declare global {
  interface Window {
    yingbin?: YingbinBridge;
  }
}

export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;

const TOKEN_KEY = 'yingbin.harnessToken';

function harnessToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = harnessToken();
  return async (name, input) => {
    try {
      const response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'NETWORK' } };
    }
  };
}

export function createTransport(): Transport {
  const bridge = window.yingbin;
  return bridge ? (name, input) => bridge.invoke(name, input) : httpTransport();
}
