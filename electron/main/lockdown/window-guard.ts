import type { Logger } from '../../core/ports/logger';
import { isAllowedInput, type KeyInput } from './input-allowlist';

type Preventable = { preventDefault(): void };

/** The parts of a BrowserWindow and its webContents the lock-down uses; Electron's satisfy them. */
export type GuardableWindow = {
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  on(event: 'minimize' | 'leave-full-screen' | 'blur' | 'unmaximize', listener: () => void): unknown;
  restore(): void;
  focus(): void;
  setFullScreen(flag: boolean): void;
  setKiosk(flag: boolean): void;
  isDestroyed(): boolean;
  readonly webContents: {
    on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown;
    on(event: 'zoom-changed' | 'did-finish-load', listener: () => void): unknown;
    setZoomFactor(factor: number): void;
    setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void>;
  };
};

export type WindowGuardDeps = {
  readonly logger: Logger;
  /** True once the app is quitting: only then may the window close. */
  readonly isStopping: () => boolean;
  readonly now?: () => number;
};

/**
 * Keeps a packaged kiosk's window where it belongs: whatever a keyboard, a scanner sending control codes or the
 * window manager tries, the window stays open, full screen, focused and at 100 % zoom, and only allowlisted keys
 * reach the page. Each refusal is logged once per kind and minute, so a stuck key cannot flood the log.
 */
export const guardKioskWindow = (window: GuardableWindow, deps: WindowGuardDeps): void => {
  const lastLogged = new Map<string, number>();
  const refused = (what: string, detail: Record<string, string> = {}): void => {
    const now = (deps.now ?? Date.now)();
    const last = lastLogged.get(what);
    if (last !== undefined && now - last < 60_000) return;
    lastLogged.set(what, now);
    deps.logger.warn('kiosk.escape-refused', { what, ...detail });
  };
  const live = (act: () => void): void => {
    if (!window.isDestroyed() && !deps.isStopping()) act();
  };

  window.webContents.on('before-input-event', (event, input) => {
    if (isAllowedInput(input)) return;
    event.preventDefault();
    refused('key', { key: input.key, modifiers: modifiers(input) });
  });
  window.on('close', (event) => {
    if (deps.isStopping()) return;
    event.preventDefault();
    refused('close');
  });
  window.on('minimize', () => {
    live(() => {
      window.restore();
      refused('minimize');
    });
  });
  window.on('leave-full-screen', () => {
    live(() => {
      window.setKiosk(true);
      window.setFullScreen(true);
      refused('leave-full-screen');
    });
  });
  window.on('blur', () => {
    live(() => {
      window.focus();
    });
  });
  // Pinch and Ctrl+wheel zoom the page; a zoomed kiosk hides its keypad. Pinned at 100 %.
  const pinZoom = (): void => {
    live(() => {
      window.webContents.setZoomFactor(1);
      void window.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
    });
  };
  window.webContents.on('did-finish-load', pinZoom);
  window.webContents.on('zoom-changed', () => {
    pinZoom();
    refused('zoom');
  });
};

const modifiers = (input: KeyInput): string =>
  (['control', 'alt', 'meta', 'shift'] as const).filter((m) => input[m]).join('+') || 'none';
