/**
 * Registers the contract's single IPC channel; every message's sender is checked first. The
 * host's events go the other way, to our window only and only while it shows our own page.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { EVENT_CHANNEL, IPC_CHANNEL } from '@shared/contract/bridge';
import type { Result } from '@shared/errors';
import type { DeskHost } from '../host/desk-host';
import type { DeskEvents } from '../services/desk-events';
import { isTrustedSender, showsOurPage } from './sender';
import { rendererUrl } from './window';

export function registerIpc(host: DeskHost, events: DeskEvents, window: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const ours = window();
    const frame = event.senderFrame;
    const trusted =
      frame !== null &&
      isTrustedSender(
        {
          fromOurWindow: ours !== null && event.sender === ours.webContents,
          isMainFrame: frame === event.sender.mainFrame,
          frameUrl: frame.url,
        },
        rendererUrl(),
      );
    if (!trusted) return { ok: false, error: { code: 'FORBIDDEN_SENDER' } };
    if (typeof name !== 'string')
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', params: { name: String(name) } } };
    return host.call(name, input);
  });
  events.subscribe((deskEvent) => {
    const contents = window()?.webContents;
    if (contents && !contents.isDestroyed() && showsOurPage(contents.getURL(), rendererUrl()))
      contents.send(EVENT_CHANNEL, deskEvent);
  });
}
