// The preload exposes exactly two functions to the sandboxed renderer: invoke and on.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

contextBridge.exposeInMainWorld('hws', {
  invoke: (name: string, args: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args),
  on: (channel: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, ch: string, payload: unknown) => {
      if (ch === channel) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
