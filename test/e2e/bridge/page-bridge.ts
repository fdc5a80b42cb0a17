import { buildKioskApi } from '../../../electron/contract/build-kiosk-api';

/**
 * Runs inside the page before the renderer (bundled and injected with addInitScript). It plays the
 * preload's part: the same `buildKioskApi` builds `window.kiosk`, with Playwright bindings in place of
 * Electron's ipcRenderer. This file is browser code, so it names only what it uses from the page global.
 */
type EventDelivery = (channel: string, payload: unknown) => void;

type PageGlobal = {
  /** Provided by context.exposeBinding: calls the real IPC dispatcher in the test process. */
  readonly __kioskInvoke: (channel: string, input: unknown) => Promise<unknown>;
  /** Called by the test process (page.evaluate) for every event the core emits. */
  __kioskDeliver?: EventDelivery;
};

const page = globalThis as unknown as PageGlobal;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

page.__kioskDeliver = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const api = buildKioskApi({
  invoke: (channel, input) => page.__kioskInvoke(channel, input),
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
});

// contextBridge hands the page a frozen, non-writable object; do the same so the page sees the same shape.
Object.defineProperty(globalThis, 'kiosk', {
  value: Object.freeze(api),
  writable: false,
  configurable: false,
});
