/** The kiosk window's construction options: full screen, locked down, no way out for a customer. */
export type KioskWindowOptions = {
  readonly show: boolean;
  readonly kiosk: boolean;
  readonly fullscreen: boolean;
  readonly frame: boolean;
  /** Off in a packaged kiosk, where the platform honours them: no close button, no minimise, no resize. */
  readonly closable: boolean;
  readonly minimizable: boolean;
  readonly maximizable: boolean;
  readonly resizable: boolean;
  readonly movable: boolean;
  readonly autoHideMenuBar: boolean;
  readonly backgroundColor: string;
  readonly webPreferences: {
    readonly preload: string;
    readonly sandbox: true;
    readonly contextIsolation: true;
    readonly nodeIntegration: false;
    readonly nodeIntegrationInWorker: false;
    readonly webSecurity: true;
    readonly allowRunningInsecureContent: false;
    readonly devTools: boolean;
    readonly spellcheck: false;
    readonly autoplayPolicy: 'no-user-gesture-required';
  };
};

export const kioskWindowOptions = (preload: string, packaged: boolean): KioskWindowOptions => ({
  show: false,
  kiosk: packaged,
  fullscreen: packaged,
  frame: !packaged,
  closable: !packaged,
  minimizable: !packaged,
  maximizable: !packaged,
  resizable: !packaged,
  movable: !packaged,
  autoHideMenuBar: true,
  backgroundColor: '#101418',
  webPreferences: {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    devTools: !packaged,
    spellcheck: false,
    // The success chime after a scanned code comes with no touch at all; a kiosk's sound never waits for one.
    autoplayPolicy: 'no-user-gesture-required',
  },
});

/** Served with every response of the page, on top of the meta tag in index.html. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
