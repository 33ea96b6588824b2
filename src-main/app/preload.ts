/**
 * The sandboxed preload: exposes exactly one call surface, `window.yingbin.invoke(name, input)`,
 * and nothing of Node or ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, IPC_CHANNEL, type YingbinBridge } from '@shared/contract/bridge';

const bridge: YingbinBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
