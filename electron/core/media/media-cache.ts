import type { Logger } from '../ports/logger';
import type { MediaFolder, PictureDownload } from './media-ports';
import { mediaAppPath, mediaFileName, mediaKeyOf } from './media-name';
import { retryDelayMs } from './retry-backoff';

export type MediaCacheOptions = {
  readonly folder: MediaFolder;
  readonly download: PictureDownload;
  readonly logger: Logger;
  readonly now: () => number;
  /** At most this many pictures are kept; the oldest go first. */
  readonly maxFiles?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
};

export interface MediaCache {
  /** Reads what the folder already holds into memory; call once before the first lookup. */
  load(): Promise<void>;
  /** The app-origin path of a cached picture, from memory only (the redeem path never touches the disk). */
  pathOf(url: string | undefined): string | undefined;
  /** Queues the pictures not cached yet; they are fetched in the background, one at a time. */
  want(urls: readonly string[]): void;
  /** Resolves once the queue is empty (shutdown and tests). */
  idle(): Promise<void>;
}

type Failure = { readonly count: number; readonly retryAtMs: number };

/**
 * Keeps product photos and banner pictures on disk. Every failure is contained here: a picture that cannot be
 * fetched is logged the first time, tried again after a growing delay when it is next wanted, and never
 * surfaces as an error to the caller.
 */
export const createMediaCache = (options: MediaCacheOptions): MediaCache => {
  const maxFiles = options.maxFiles ?? 300;
  const firstRetryMs = options.firstRetryMs ?? 60_000;
  const maxRetryMs = options.maxRetryMs ?? 6 * 60 * 60_000;
  // key (sha256 of the URL) → stored file name and when it was stored; the in-memory index.
  const index = new Map<string, { readonly name: string; readonly storedAtMs: number }>();
  const failures = new Map<string, Failure>();
  const queue: string[] = [];
  let running: Promise<void> = Promise.resolve();
  let pumping = false;

  const trim = async (): Promise<void> => {
    while (index.size > maxFiles) {
      let oldest: [string, { name: string; storedAtMs: number }] | undefined;
      for (const entry of index)
        if (oldest === undefined || entry[1].storedAtMs < oldest[1].storedAtMs) oldest = entry;
      if (oldest === undefined) return;
      index.delete(oldest[0]);
      await options.folder.remove(oldest[1].name);
    }
  };

  const fetchOne = async (url: string): Promise<void> => {
    const key = mediaKeyOf(url);
    if (index.has(key)) return;
    const failed = failures.get(key);
    if (failed !== undefined && failed.retryAtMs > options.now()) return;
    try {
      const picture = await options.download(url);
      const name = mediaFileName(url, picture.kind);
      await options.folder.write(name, picture.bytes);
      index.set(key, { name, storedAtMs: options.now() });
      failures.delete(key);
      await trim();
    } catch (error) {
      const count = (failed?.count ?? 0) + 1;
      failures.set(key, { count, retryAtMs: options.now() + retryDelayMs(count, firstRetryMs, maxRetryMs) });
      if (count === 1) {
        // The key, not the URL: a vendor's URL may carry a token in its query string.
        const reason = error instanceof Error ? error.message : 'unknown';
        options.logger.warn('media.fetch_failed', { key: key.slice(0, 12), reason });
      }
    }
  };

  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) await fetchOne(url);
    } finally {
      pumping = false;
    }
  };

  return {
    load: async () => {
      try {
        for (const stored of await options.folder.list()) {
          index.set(stored.name.slice(0, 64), { name: stored.name, storedAtMs: stored.storedAtMs });
        }
        await trim();
      } catch (error) {
        options.logger.warn('media.load_failed', {
          reason: error instanceof Error ? error.message : 'unknown',
        });
      }
    },
    pathOf: (url) => {
      if (url === undefined || url === '') return undefined;
      const hit = index.get(mediaKeyOf(url));
      return hit === undefined ? undefined : mediaAppPath(hit.name);
    },
    want: (urls) => {
      for (const url of urls) {
        if (url === '' || index.has(mediaKeyOf(url)) || queue.includes(url)) continue;
        queue.push(url);
      }
      if (!pumping && queue.length > 0) running = pump();
    },
    idle: () => running,
  };
};
