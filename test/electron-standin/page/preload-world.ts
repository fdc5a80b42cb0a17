/**
 * The renderer half of the Electron stand-in, run in the page before any of its own scripts (an init script, not
 * subject to the page's CSP), then the app's built preload inside it. It gives the preload what a sandboxed
 * Electron preload gets and nothing more: `require('electron')` with contextBridge and ipcRenderer, a `process`
 * with a few fields, and an error for any other module. contextBridge copies what the preload exposes the way
 * Electron's does (plain data copied, functions and promises proxied, their results copied back), so what the
 * page can reach is what crosses the bridge; values sent to main are structured-cloned first, as Electron does.
 *
 * Electron runs the preload in an isolated world; here it runs in a closure of the main world. The closure holds
 * ipcRenderer and the IPC binding (removed from the window before the page runs), so the page still reaches main
 * only through what the preload exposed, plus the binding's own name, which it cannot learn.
 */
type Config = {
  readonly bindingName: string;
  readonly deliverKey: string;
  readonly runKey: string;
  readonly contextIsolation: boolean;
  readonly sandbox: boolean;
};
type Listener = (event: unknown, ...args: unknown[]) => void;
type Binding = (message: unknown) => Promise<{ ok: boolean; value?: unknown; message?: string }>;
type Preload = (
  require: (id: string) => unknown,
  module: { exports: unknown },
  exports: unknown,
  process: unknown,
  Buffer: undefined,
  global: typeof globalThis,
) => void;

const g = globalThis as unknown as Record<string, unknown>;
const config = g.__standinPreloadConfig as Config;
delete g.__standinPreloadConfig;
const binding = g[config.bindingName] as Binding | undefined;
Reflect.deleteProperty(g, config.bindingName);
const send = (message: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }> =>
  binding === undefined ? Promise.reject(new Error('stand-in: IPC binding missing')) : binding(message);

const listeners = new Map<string, Set<Listener>>();
const hidden = (key: string, value: unknown): void => {
  Object.defineProperty(globalThis, key, { value, enumerable: false, configurable: true, writable: false });
};

const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    let cloned: unknown[];
    try {
      cloned = structuredClone(args);
    } catch {
      return Promise.reject(new Error('An object could not be cloned.'));
    }
    return send({ kind: 'invoke', channel, args: cloned }).then((answer) =>
      answer.ok ? answer.value : Promise.reject(new Error(answer.message ?? 'invoke failed')),
    );
  },
  on(channel: string, listener: Listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
  removeAllListeners(channel?: string) {
    if (channel === undefined) listeners.clear();
    else listeners.delete(channel);
    return ipcRenderer;
  },
  send(channel: string, ...args: unknown[]): void {
    void send({ kind: 'send', channel, args: structuredClone(args) });
  },
};

// Main → page: webContents.send() lands here (the stand-in calls it by a name only main knows).
hidden(config.deliverKey, (channel: string, args: unknown[]) => {
  for (const listener of [...(listeners.get(channel) ?? [])])
    listener({ sender: ipcRenderer, ports: [] }, ...args);
});

const copyError = (e: unknown): Error => {
  const copy = new Error(e instanceof Error ? e.message : String(e));
  if (e instanceof Error) copy.name = e.name;
  return copy;
};

/** A value as it arrives on the other side of Electron's contextBridge. */
const bridge = (value: unknown, depth = 0): unknown => {
  if (depth > 1000) throw new Error('Object has too much depth');
  if (typeof value === 'symbol') throw new Error('Symbols cannot cross the context bridge');
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => bridge(fn(...args.map((a) => bridge(a, depth + 1))), depth + 1);
  }
  if (value instanceof Promise)
    return value.then(
      (v) => bridge(v, depth + 1),
      (e: unknown) => Promise.reject(copyError(e)),
    );
  if (value instanceof Error) return copyError(value);
  if (Array.isArray(value)) return value.map((v) => bridge(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = bridge((value as Record<string, unknown>)[key], depth + 1);
  return out;
};

const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (!config.contextIsolation)
      throw new Error('contextBridge API can only be used when contextIsolation is enabled');
    if (key in globalThis)
      throw new Error('Cannot bind an API on top of an existing property on the window object');
    Object.defineProperty(globalThis, key, {
      value: bridge(api),
      enumerable: true,
      configurable: false,
      writable: false,
    });
  },
};

/** Electron's sandboxed preload require: electron's renderer modules only; events/timers/url are not emulated. */
const sandboxedRequire = (id: string): unknown => {
  if (id === 'electron') return { contextBridge, ipcRenderer };
  if (config.sandbox && ['events', 'timers', 'url'].includes(id))
    throw new Error(`stand-in: the sandboxed preload module '${id}' is not emulated`);
  throw new Error(`module not found: ${id}`);
};

const processShim = {
  platform: 'linux',
  type: 'renderer',
  sandboxed: config.sandbox,
  contextIsolated: config.contextIsolation,
  env: {},
};

hidden(config.runKey, (preload: Preload) => {
  Reflect.deleteProperty(g, config.runKey);
  const module = { exports: {} as unknown };
  try {
    preload(sandboxedRequire, module, module.exports, processShim, undefined, globalThis);
    void send({ kind: 'preload-loaded' });
  } catch (e) {
    // Electron prints "Unable to load preload script" and the page runs without it: the stand-in tells main.
    void send({ kind: 'preload-error', message: e instanceof Error ? e.message : String(e) });
  }
});
