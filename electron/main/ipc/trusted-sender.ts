/** Where the app's own page lives: the built files' folder (packaged) and/or the dev server's origin. */
export type AppLocation = { readonly fileRoot?: string; readonly origin?: string };

/**
 * Whether a URL is the app's own page: a packaged app loads from file:// under its renderer folder, the dev
 * server from one loopback origin. Used both to refuse navigation and to refuse IPC from anywhere else.
 */
export const appUrlMatcher =
  (allowed: AppLocation) =>
  (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (allowed.origin !== undefined && url.origin === allowed.origin) return true;
    if (allowed.fileRoot !== undefined && url.protocol === 'file:') {
      const root = allowed.fileRoot.endsWith('/') ? allowed.fileRoot : `${allowed.fileRoot}/`;
      return decodeURIComponent(url.pathname).startsWith(root);
    }
    return false;
  };

/** The IPC sender check: the app's page, and only its top frame (the dispatcher checks the frame). */
export const trustedSender = (allowed: AppLocation) => {
  const isApp = appUrlMatcher(allowed);
  return (sender: { readonly url: string }): boolean => isApp(sender.url);
};
