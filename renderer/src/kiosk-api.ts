import type { KioskApi } from '../../electron/contract';

declare global {
  interface Window {
    /** Installed by the preload from the shared contract; the only way the screen talks to the machine. */
    readonly kiosk: KioskApi;
  }
}

/**
 * The one place that reads `window.kiosk`. Opened outside the kiosk shell (a plain browser, a broken
 * preload) there is no bridge: answer null so the screen can say so instead of crashing.
 */
export const findKioskApi = (): KioskApi | null => ('kiosk' in window ? window.kiosk : null);
