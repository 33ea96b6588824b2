/** The only surface the preload exposes to the renderer: `window.yingbin`. */
import type { Result } from '../errors';

export interface YingbinBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

export const BRIDGE_KEY = 'yingbin';
export const IPC_CHANNEL = 'yingbin:invoke';
