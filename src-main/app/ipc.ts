/** Registers the contract's single IPC channel; every message's sender is checked first. */
import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_CHANNEL } from '@shared/contract/bridge';
import type { Result } from '@shared/errors';
import type { DeskHost } from '../host/desk-host';
import { isTrustedSender } from './sender';
import { rendererUrl } from './window';

export function registerIpc(host: DeskHost, window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const ours = window();
    const frame = event.senderFrame;
    const trusted =
      frame !== null &&
      isTrustedSender({ fromOurWindow: ours !== null && event.sender === ours.webContents, isMainFrame: frame === event.sender.mainFrame, frameUrl: frame.url }, rendererUrl());
    if (!trusted) return { ok: false, error: { code: 'FORBIDDEN_SENDER' } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'UNKNOWN_OPERATION', params: { name: String(name) } } };
    return host.call(name, input);
  });
}
