/**
 * How the renderer reaches the services: the preload bridge inside Electron, or HTTP to the
 * browser harness (token from the URL fragment `#token=…`, kept for the tab's lifetime). Calls
 * go one way, the host's events the other (the bridge's `subscribe`, or the harness's
 * `GET /events` stream). Nothing else differs between the two.
 */
import type { YingbinBridge } from '@shared/contract/bridge';
import { isDeskEvent, type DeskEvent } from '@shared/contract/events';
import type { Result } from '@shared/errors';

declare global {
  interface Window {
    yingbin?: YingbinBridge;
  }
}

export type Transport = (name: string, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: DeskEvent) => void) => () => void;

const TOKEN_KEY = 'yingbin.harnessToken';
/** How long the harness's event stream waits before opening again after it dropped. */
const REOPEN_MS = 2_000;

function harnessToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(token: string): Transport {
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

/**
 * The harness's Server-Sent Events, read with fetch (EventSource cannot send the token as a
 * header, and a token in the URL would land in logs); opened again after a drop.
 */
function httpEvents(token: string): Subscribe {
  return (listener) => {
    const abort = new AbortController();
    const open = async (): Promise<void> => {
      const response = await fetch('/events', { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        const messages = buffer.split('\n\n');
        buffer = messages.pop() ?? '';
        for (const message of messages) {
          const event = /^data: (.*)$/m.exec(message)?.[1];
          if (isDeskEvent(event)) listener(event);
        }
      }
    };
    const keepOpen = () => {
      if (abort.signal.aborted) return;
      open()
        .catch(() => undefined)
        .finally(() => {
          if (!abort.signal.aborted) setTimeout(keepOpen, REOPEN_MS);
        });
    };
    keepOpen();
    return () => abort.abort();
  };
}

export function createTransport(): { invoke: Transport; subscribe: Subscribe } {
  const bridge = window.yingbin;
  if (bridge)
    return { invoke: (name, input) => bridge.invoke(name, input), subscribe: (listener) => bridge.subscribe(listener) };
  const token = harnessToken();
  return { invoke: httpTransport(token), subscribe: httpEvents(token) };
}
