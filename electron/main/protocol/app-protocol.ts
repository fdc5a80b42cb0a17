import { join } from 'node:path';
import type { PlatformPath } from 'node:path';
import { appFilePath, contentTypeOf } from './app-files';
import { mediaFilePath } from './media-route';

export type AppProtocolDeps = {
  /** The built renderer folder (out/renderer, inside app.asar when packaged: Electron's fs reads it there). */
  readonly root: string;
  readonly readFile: (file: string) => Promise<Uint8Array>;
  readonly csp: string;
  readonly path: PlatformPath;
  /** The folder of cached product photos and banners, served under /media/; without it that route is 404. */
  readonly mediaDir?: string;
};

/** Headers every answer carries: the page's CSP, no MIME sniffing, never embedded, never cached stale. */
const baseHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
});

const refuse = (status: 400 | 404 | 405, csp: string): Response =>
  new Response(null, { status, headers: baseHeaders(csp) });

/**
 * The app:// handler for `protocol.handle`: serves the built renderer's files and nothing else. Only GET and
 * HEAD; a URL that is not the app's or climbs out of the folder is 400, a missing file 404, with the same
 * headers as the page so no answer of this origin goes out without its CSP.
 */
export const createAppProtocolHandler =
  (deps: AppProtocolDeps) =>
  async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, deps.csp);
    const media = mediaFilePath(deps.mediaDir, request.url, deps.path);
    if (media !== null && 'refused' in media) return refuse(404, deps.csp);
    const file = media?.file ?? appFilePath(deps.root, request.url, deps.path);
    if (file === null) return refuse(400, deps.csp);
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return refuse(404, deps.csp);
    }
    const headers = { ...baseHeaders(deps.csp), 'Content-Type': contentTypeOf(file) };
    return new Response(request.method === 'HEAD' ? null : new Blob([body]), { status: 200, headers });
  };

/** The renderer folder next to the bundled main (out/main → out/renderer). */
export const rendererRoot = (mainDir: string): string => join(mainDir, '../renderer');
