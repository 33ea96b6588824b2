/** The only surface the preload exposes to the renderer: `window.yingbin`. */
import type { Result } from '../errors';
import type { DeskEvent } from './events';

export interface YingbinBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** Events from the host (see events.ts); returns the unsubscribe. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}

export const BRIDGE_KEY = 'yingbin';
export const IPC_CHANNEL = 'yingbin:invoke';
export const EVENT_CHANNEL = 'yingbin:event';
