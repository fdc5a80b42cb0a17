import type { MediaCache } from '../core/media/media-cache';
import type { Product, VendorCloud } from '../core/ports/vendor-cloud';

export type ProductPhotos = {
  /** The cloud client, telling the photos of every product list it reads. */
  readonly cloud: VendorCloud;
  /** A product's cached photo as an app-origin path; memory only, for the redeem path. */
  readonly photoOf: (productId: number) => string | undefined;
};

/**
 * Keeps each product's picture URL (`good.thumb`) in memory and asks the media cache for the pictures it does
 * not hold yet. It hooks the product list rather than the journal, so no redemption reads the disk for a photo,
 * and a refresh that finds nothing new queues nothing. `stored` is what the journal held at start, so photos
 * cached by an earlier run show before the first refresh has answered.
 */
export const withProductPhotos = (
  cloud: VendorCloud,
  media: MediaCache,
  stored: readonly Product[],
): ProductPhotos => {
  const thumbs = new Map<number, string>();
  const learn = (products: readonly Product[]): void => {
    for (const p of products) {
      if (p.thumb === undefined) thumbs.delete(p.productId);
      else thumbs.set(p.productId, p.thumb);
    }
    media.want(products.flatMap((p) => (p.thumb === undefined ? [] : [p.thumb])));
  };
  learn(stored);
  return {
    cloud: {
      ...cloud,
      listProducts: async () => {
        const listed = await cloud.listProducts();
        if (listed.ok) learn(listed.value);
        return listed;
      },
    },
    photoOf: (productId) => media.pathOf(thumbs.get(productId)),
  };
};
