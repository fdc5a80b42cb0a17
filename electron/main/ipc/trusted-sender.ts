import { isAppOrigin, parseUrl } from '../protocol/app-origin';

/** Where the app's own page may be: always app://kiosk/, plus the dev server's origin in development. */
export type AppLocation = { readonly devOrigin?: string };

/**
 * Whether a URL is the app's own page. An exact origin comparison on a parsed URL: anything that does not parse,
 * file:// anywhere on disk, another scheme, host or port is refused, and nothing here can throw. Used both to
 * refuse navigation and to refuse IPC from anywhere else.
 */
export const appUrlMatcher =
  (allowed: AppLocation) =>
  (raw: string): boolean => {
    const url = parseUrl(raw);
    if (url === null) return false;
    if (isAppOrigin(url)) return true;
    return allowed.devOrigin !== undefined && url.origin !== 'null' && url.origin === allowed.devOrigin;
  };

/** The IPC sender check: the app's page, and only its top frame (the dispatcher checks the frame). */
export const trustedSender = (allowed: AppLocation) => {
  const isApp = appUrlMatcher(allowed);
  return (sender: { readonly url: string }): boolean => isApp(sender.url);
};
