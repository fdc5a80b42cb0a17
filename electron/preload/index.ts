import { contextBridge, ipcRenderer } from 'electron';
import { buildKioskApi } from '../contract/build-kiosk-api';

// The preload holds no logic: it hands the contract's API builder Electron's IPC, one call per message.
contextBridge.exposeInMainWorld(
  'kiosk',
  buildKioskApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      const handler = (_event: unknown, payload: unknown): void => {
        listener(payload);
      };
      ipcRenderer.on(channel, handler);
      // removeListener returns ipcRenderer itself: never let that cross the bridge.
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  }),
);
