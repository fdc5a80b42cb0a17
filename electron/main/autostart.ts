/**
 * Start-at-login for Windows (and macOS). Linux kiosks start from the systemd user service or the XDG
 * autostart entry the deb installs, so nothing is registered there. Electron's `app` satisfies the interface.
 */
export type LoginItemQuery = { path?: string; args?: string[] };

export interface LoginItemApp {
  readonly isPackaged: boolean;
  getLoginItemSettings(options?: LoginItemQuery): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin?: boolean; path?: string; args?: string[] }): void;
}

export type AutostartOutcome =
  | { readonly action: 'registered' | 'already-registered' | 'unregistered' }
  | { readonly action: 'skipped'; readonly reason: string };

export type AutostartOptions = {
  readonly platform: NodeJS.Platform;
  /** `process.execPath`: the installed executable, which is what Windows starts at login. */
  readonly execPath: string;
  /** Off only for a machine being taken out of kiosk service. */
  readonly enabled?: boolean;
};

/**
 * Makes the installed app start when the kiosk user logs in. Idempotent: it asks first and only writes when
 * the registration differs, so every start does not rewrite the registry. A development run never registers
 * itself, since it would be the bare Electron binary that starts at login.
 */
export const ensureAutostart = (app: LoginItemApp, options: AutostartOptions): AutostartOutcome => {
  if (options.platform !== 'win32' && options.platform !== 'darwin') {
    return {
      action: 'skipped',
      reason: 'Linux starts the kiosk from its systemd user service or XDG autostart entry',
    };
  }
  if (!app.isPackaged) return { action: 'skipped', reason: 'not a packaged app (development run)' };
  const wanted = options.enabled ?? true;
  const query = { path: options.execPath, args: [] };
  if (app.getLoginItemSettings(query).openAtLogin === wanted) {
    return wanted
      ? { action: 'already-registered' }
      : { action: 'skipped', reason: 'autostart is off and not registered' };
  }
  app.setLoginItemSettings({ openAtLogin: wanted, ...query });
  return { action: wanted ? 'registered' : 'unregistered' };
};
