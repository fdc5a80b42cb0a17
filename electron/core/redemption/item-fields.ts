import type { RedemptionRow } from '../ports/store';
import type { EngineDeps } from './deps';

/**
 * What the customer's screen shows of the item besides its name: the slot it drops from and, when the picture
 * is already cached, its photo's app-origin path. The lookup is in memory, so a redemption never waits on it.
 */
export const itemFields = (
  deps: Pick<EngineDeps, 'productPhoto'>,
  r: Pick<RedemptionRow, 'productId' | 'slotName'>,
): { productPhoto?: string; slotName?: string } => {
  const photo = deps.productPhoto?.(r.productId);
  return {
    ...(r.slotName === '' ? {} : { slotName: r.slotName }),
    ...(photo === undefined ? {} : { productPhoto: photo }),
  };
};
