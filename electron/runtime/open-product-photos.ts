import { join } from 'node:path';
import { openMediaFolder } from '../adapters/media-folder';
import { createPictureDownload } from '../adapters/picture-download';
import { createMediaCache } from '../core/media/media-cache';
import type { Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import type { Product, VendorCloud } from '../core/ports/vendor-cloud';
import { MEDIA_DIR_NAME } from './media-dir';
import { withProductPhotos, type ProductPhotos } from './product-photos';

// A vendor photo is a thumbnail: 2 MB is generous, and 15 s lets a slow link finish one without holding the queue.
const PICTURE_LIMITS = { timeoutMs: 15_000, maxBytes: 2 * 1024 * 1024 };

/** The media cache on disk, loaded, and the product photos on top of it. A folder that cannot be read is logged. */
export const openProductPhotos = async (
  cloud: VendorCloud,
  stored: readonly Product[],
  dataDir: string,
  logger: Logger,
  clock: Clock,
): Promise<ProductPhotos> => {
  const media = createMediaCache({
    folder: openMediaFolder(join(dataDir, MEDIA_DIR_NAME)),
    download: createPictureDownload(PICTURE_LIMITS),
    logger,
    now: () => clock.now(),
  });
  // Loaded before anything is wanted, so a picture already on disk is never fetched again.
  await media.load();
  return withProductPhotos(cloud, media, stored);
};
