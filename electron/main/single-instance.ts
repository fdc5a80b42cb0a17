import type { Logger } from '../core/ports/logger';

/**
 * One kiosk per user session: two copies would fight over the serial port and the journal. Electron's `app`
 * satisfies `SingleInstanceApp`, and a `BrowserWindow` satisfies `FocusableWindow`.
 */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  quit(): void;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings the kiosk window back to the front (restoring it if someone minimised it with a keyboard). */
export const focusWindow = (window: FocusableWindow | undefined): boolean => {
  if (!window || window.isDestroyed()) return false;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return true;
};

/**
 * Takes the single-instance lock. Returns false when another copy already holds it: this copy has asked
 * the app to quit and the caller must not create windows or open the serial port. Otherwise a later launch
 * (a double-click, an autostart racing a restart) only focuses this copy's window.
 */
export const claimSingleInstance = (
  app: SingleInstanceApp,
  currentWindow: () => FocusableWindow | undefined,
  logger: Logger,
): boolean => {
  if (!app.requestSingleInstanceLock()) {
    // Also what a user-data folder the kiosk user cannot write looks like: Electron cannot create the lock.
    logger.warn('app.single-instance-refused', {
      reason: 'another copy holds the lock, or the user-data folder is not writable by this user',
    });
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    logger.info('app.second-instance', { action: 'focused the running kiosk' });
    focusWindow(currentWindow());
  });
  return true;
};
