/**
 * The sandboxed preload: exposes exactly one call surface, `window.yingbin.invoke(name, input)`,
 * and the host's events, `window.yingbin.subscribe(listener)`; nothing of Node or ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, EVENT_CHANNEL, IPC_CHANNEL, type YingbinBridge } from '@shared/contract/bridge';
import { isDeskEvent } from '@shared/contract/events';

const bridge: YingbinBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
  subscribe: (listener) => {
    // Only the event's name crosses: the page never sees the IPC event object.
    const relay = (_event: IpcRendererEvent, value: unknown) => {
      if (isDeskEvent(value)) listener(value);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
