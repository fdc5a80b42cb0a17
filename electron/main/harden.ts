/**
 * The few Electron objects hardening touches, as small interfaces so the rules are tested with fakes.
 * Navigation away from the app, new windows and every permission request are refused.
 */
export type NavigationEvent = { preventDefault(): void };

export type HardenableContents = {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: NavigationEvent, url: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export type HardenableSession = {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
};

export const hardenContents = (contents: HardenableContents, isAppUrl: (url: string) => boolean): void => {
  const guard = (event: NavigationEvent, url: string): void => {
    // Fail closed: a check that throws on a strange URL must block the navigation, never let it through.
    let allowed: boolean;
    try {
      allowed = isAppUrl(url);
    } catch {
      allowed = false;
    }
    if (!allowed) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
};

/** No camera, microphone, geolocation, notifications or anything else: the page needs no permission. */
export const hardenSession = (session: HardenableSession): void => {
  session.setPermissionRequestHandler((_wc, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
};
