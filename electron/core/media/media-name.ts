import { createHash } from 'node:crypto';
import type { ImageKind } from './image-kind';

/** A stored picture's file name: the sha256 of its source URL in hex, then its format. */
const mediaNamePattern = /^[0-9a-f]{64}\.(?:jpg|png|webp)$/;

/** The hex sha256 of a picture's URL: the stable key its file is named by, whatever the URL contains. */
export const mediaKeyOf = (url: string): string => createHash('sha256').update(url, 'utf8').digest('hex');

export const mediaFileName = (url: string, kind: ImageKind): string => `${mediaKeyOf(url)}.${kind}`;

/**
 * Whether a name is exactly one the cache writes. The check is the whole defence of the media route, so it
 * admits no separators, dots beyond the one before the format, upper case or other formats.
 */
export const isMediaFileName = (name: string): boolean => mediaNamePattern.test(name);

/** The path the renderer loads a stored picture by, relative to the app's own origin. */
export const mediaAppPath = (name: string): string => `media/${name}`;
