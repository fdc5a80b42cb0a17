/**
 * The app's own origin. The page is served from a privileged custom scheme instead of file://, so "is this the
 * app?" is an exact scheme-and-host comparison (no file paths, no drive letters, no percent-decoding) and the
 * protocol handler's response headers, CSP included, apply to it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The scheme's privileges, registered before the app is ready. `standard` gives it a real origin (relative URLs,
 * storage), `secure` a secure context, `supportFetchAPI` and `corsEnabled` let the module scripts Vite emits (with
 * `crossorigin`) load; `codeCache` keeps V8's compiled code between starts. It does not bypass the CSP.
 */
/**
 * `stream`: the spoken prompts are `<audio>` served from this scheme, and Chromium's media player reads a custom
 * scheme's responses only when it is registered as streaming (Electron's protocol docs).
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    stream: true,
  },
} as const;

/** Parses a URL without throwing: a malformed one is nobody's, so every check on it fails closed. */
export const parseUrl = (raw: unknown): URL | null => {
  if (typeof raw !== 'string') return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/** Whether a parsed URL is on the app's own origin: its scheme and host exactly, no credentials, no port. */
export const isAppOrigin = (url: URL): boolean =>
  url.protocol === `${APP_SCHEME}:` &&
  url.hostname === APP_HOST &&
  url.port === '' &&
  url.username === '' &&
  url.password === '';
