import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../electron/contract/channels';
import { ok } from '../../../electron/contract/result';
import {
  appLocation,
  createKioskWindow,
  pageUrl,
  type KioskWindow,
} from '../../../electron/main/create-window';
import { hardenContents } from '../../../electron/main/harden';
import { appUrlMatcher, trustedSender } from '../../../electron/main/ipc/trusted-sender';
import { createIpcDispatcher } from '../../../electron/main/ipc/create-ipc-dispatcher';
import { forwardEvents, registerIpc, type InvokeEventLike } from '../../../electron/main/ipc/register-ipc';
import { outOfServiceHandlers } from '../../../electron/main/out-of-service';
import type { KioskWindowOptions } from '../../../electron/main/window-options';
import { KioskEvents } from '../../../electron/core/kiosk-events';
import { MemoryLogger } from '../../fakes/memory-logger';

type Listener = (...args: never[]) => unknown;

/** A BrowserWindow stand-in that records what the shell did to it. */
const fakeWindow = () => {
  const contentsListeners = new Map<string, Listener>();
  const sent: [string, unknown][] = [];
  const state = {
    shown: false,
    loaded: '',
    openHandler: null as null | ((d: { url: string }) => { action: string }),
    permission: true,
  };
  let onReady: (() => void) | null = null;
  const window: KioskWindow = {
    isDestroyed: () => false,
    isMinimized: () => false,
    restore: () => undefined,
    show: () => {
      state.shown = true;
    },
    focus: () => undefined,
    loadURL: (url) => {
      state.loaded = url;
      return Promise.resolve();
    },
    once: (_event, listener) => {
      onReady = listener;
    },
    webContents: {
      on: (event, listener) => contentsListeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        state.openHandler = handler;
      },
      send: (channel, payload) => sent.push([channel, payload]),
      isDestroyed: () => false,
      session: {
        setPermissionRequestHandler: (handler) => {
          handler(null, 'media', (granted) => {
            state.permission = granted;
          });
        },
        setPermissionCheckHandler: () => undefined,
      },
    },
  };
  return { window, state, sent, contentsListeners, ready: () => onReady?.() };
};

const paths = { preloadPath: '/opt/kiosk/resources/app.asar/out/preload/index.js' };

describe('Electron shell', () => {
  it('creates a sandboxed, isolated, Node-free full-screen kiosk window in a packaged app', async () => {
    const fake = fakeWindow();
    let options: KioskWindowOptions | null = null;
    const created = createKioskWindow({
      ...paths,
      devServerUrl: undefined,
      packaged: true,
      create: (o) => {
        options = o;
        return fake.window;
      },
    });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        devTools: false,
        preload: paths.preloadPath,
      },
    });
    expect(fake.state.loaded).toBe('app://kiosk/index.html');
    expect(fake.state.permission).toBe(false);
    expect(fake.state.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(fake.state.shown).toBe(false);
    fake.ready();
    expect(fake.state.shown).toBe(true);
    // What the start waits for before it competes with the first paint.
    await expect(created.shown).resolves.toBeUndefined();
  });

  it('refuses navigation away from the app and allows it within', () => {
    const fake = fakeWindow();
    createKioskWindow({ ...paths, devServerUrl: undefined, packaged: true, create: () => fake.window });
    const navigate = fake.contentsListeners.get('will-navigate') as (
      e: { preventDefault(): void },
      url: string,
    ) => void;
    const attempt = (url: string): boolean => {
      let prevented = false;
      navigate({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('https://evil.example/')).toBe(true);
    expect(attempt('file:///etc/passwd')).toBe(true);
    expect(attempt('file:///opt/kiosk/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(
      attempt('file:///C:/Program%20Files/Pickup%20Kiosk/resources/app.asar/out/renderer/index.html'),
    ).toBe(true);
    expect(attempt('app://kiosk/%E0%A4%A')).toBe(false);
    expect(attempt('http://%zz/')).toBe(true);
    expect(attempt('not a url at all')).toBe(true);
    expect(attempt('app://kiosk/index.html#x')).toBe(false);
  });

  it('blocks a navigation whose check throws, instead of letting it through', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    hardenContents(
      {
        on: (event, listener) => listeners.set(event, listener),
        setWindowOpenHandler: () => undefined,
      },
      () => {
        throw new URIError('URI malformed');
      },
    );
    for (const event of ['will-navigate', 'will-redirect']) {
      let prevented = false;
      expect(() => {
        listeners.get(event)?.({ preventDefault: () => (prevented = true) }, 'app://kiosk/%E0%A4%A');
      }).not.toThrow();
      expect(prevented).toBe(true);
    }
  });

  it('loads the dev server only when unpackaged', () => {
    const fake = fakeWindow();
    createKioskWindow({
      ...paths,
      devServerUrl: 'http://localhost:5173',
      packaged: false,
      create: () => fake.window,
    });
    expect(fake.state.loaded).toBe('http://localhost:5173');
    const check = appUrlMatcher(appLocation({ devServerUrl: 'http://localhost:5173', packaged: false }));
    expect(check('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(check('http://localhost:5174/')).toBe(false);
    // A packaged app ignores a dev server URL left in its environment.
    expect(appLocation({ devServerUrl: 'http://localhost:5173', packaged: true })).toEqual({});
    expect(pageUrl({ devServerUrl: 'http://localhost:5173', packaged: true })).toBe('app://kiosk/index.html');
  });

  it('registers one IPC handler per contract method and answers through the dispatcher', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, fn: (event: InvokeEventLike, input: unknown) => Promise<unknown>) =>
        handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    const dispatcher = createIpcDispatcher({
      handlers: outOfServiceHandlers('Kiosk', 'en'),
      isTrustedSender: trustedSender(appLocation({ devServerUrl: undefined, packaged: true })),
      logger: new MemoryLogger(),
    });
    const off = registerIpc(ipcMain, dispatcher);
    expect([...handlers.keys()].sort()).toEqual(Object.values(invokeChannels).sort());
    const mainFrame = { url: 'app://kiosk/index.html' };
    const answer = await handlers.get(invokeChannels.submitCode)!(
      { senderFrame: mainFrame, sender: { mainFrame } },
      { code: '12345678' },
    );
    expect(answer).toEqual({ ok: false, error: { code: 'out-of-service' } });
    const child = { url: mainFrame.url };
    const fromChild = await handlers.get(invokeChannels.getState)!(
      { senderFrame: child, sender: { mainFrame } },
      {},
    );
    expect(fromChild).toEqual({ ok: false, error: { code: 'forbidden' } });
    off();
    expect(handlers.size).toBe(0);
  });

  it('forwards core events to the window on their contract channels', () => {
    const fake = fakeWindow();
    const events = new KioskEvents();
    const off = forwardEvents(events, fake.window.webContents);
    events.emit('progress', { redemptionId: 'r', stage: 'dispensing', unit: 1, of: 2 });
    off();
    events.emit('progress', { redemptionId: 'r', stage: 'unit-done', unit: 1, of: 2 });
    expect(fake.sent).toEqual([
      ['kiosk:event:progress', { redemptionId: 'r', stage: 'dispensing', unit: 1, of: 2 }],
    ]);
  });

  it('serves an out-of-service state that refuses every code', async () => {
    const handlers = outOfServiceHandlers('Kiosk 7', 'zh-CN');
    await expect(handlers.getState({})).resolves.toMatchObject(
      ok({ phase: 'out-of-service', machineName: 'Kiosk 7', language: 'zh-CN' }),
    );
  });
});
