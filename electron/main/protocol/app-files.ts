import { posix, type PlatformPath } from 'node:path';
import { isAppOrigin, parseUrl } from './app-origin';

/**
 * Maps an app:// URL onto a file under the renderer folder, or null when the URL is not the app's, does not
 * decode, or would leave the folder. Decoding happens once, here; a segment that decodes to a separator, a
 * dot-segment or a NUL is refused rather than interpreted, so `..%2F` and `..%5C` (a separator on Windows) cannot
 * climb out. `path` is node:path in the app and path.win32 in the Windows tests.
 */
export const appFilePath = (root: string, rawUrl: string, path: PlatformPath): string | null => {
  const url = parseUrl(rawUrl);
  if (url === null || !isAppOrigin(url)) return null;
  const encoded = url.pathname === '/' ? ['index.html'] : url.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const part of encoded) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[\\/\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const file = path.resolve(root, ...segments);
  const inside = path.relative(path.resolve(root), file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** The Content-Type to serve a file with; anything unlisted is served as opaque bytes, never sniffed. */
export const contentTypeOf = (file: string): string =>
  contentTypes[posix.extname(file.replaceAll('\\', '/')).toLowerCase()] ?? 'application/octet-stream';
