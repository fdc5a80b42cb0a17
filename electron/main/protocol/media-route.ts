import type { PlatformPath } from 'node:path';
import { isMediaFileName } from '../../core/media/media-name';
import { isAppOrigin, parseUrl } from './app-origin';

const MEDIA_PREFIX = '/media/';

/** Where a /media/ URL leads: a file in the media folder, or refused. */
export type MediaRoute = { readonly file: string } | { readonly refused: true };

/**
 * Maps `app://kiosk/media/<sha256>.<jpg|png|webp>` onto the media folder. Null when the URL is not under
 * /media/ (the renderer folder answers it), refused when it is but the name is not exactly one the cache
 * writes (or there is no media folder): the raw, undecoded name must match, so no escape or traversal can.
 */
export const mediaFilePath = (
  mediaDir: string | undefined,
  rawUrl: string,
  path: PlatformPath,
): MediaRoute | null => {
  const url = parseUrl(rawUrl);
  if (url === null || !isAppOrigin(url) || !url.pathname.startsWith(MEDIA_PREFIX)) return null;
  const name = url.pathname.slice(MEDIA_PREFIX.length);
  if (mediaDir === undefined || url.search !== '' || !isMediaFileName(name)) return { refused: true };
  return { file: path.join(mediaDir, name) };
};
