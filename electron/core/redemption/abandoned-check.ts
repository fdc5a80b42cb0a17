import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';

/**
 * After a code-cache refresh: an abandoned redemption (the cloud stopped answering mid-consume and the
 * customer was told nothing was dispensed) whose code is no longer in the cloud's unused list may have been
 * consumed by the request whose answer was lost, with nothing delivered. The kiosk cannot tell that from a
 * use elsewhere or an expiry, so it flags the redemption for an operator, with the trade id to look up.
 */
export const flagVanishedAbandoned = (store: KioskStore, clock: Clock, logger: Logger): number => {
  let flagged = 0;
  for (const r of store.listRedemptions(['abandoned'])) {
    if (r.attention || store.findCode(r.codeHash)) continue;
    const now = clock.now();
    store.transaction(() => {
      store.patchRedemption(
        r.id,
        {
          attention: true,
          note: `code no longer unused in the cloud after an interrupted consume: check trade id ${r.tradeId}`,
        },
        now,
      );
      store.audit('redemption.abandoned-code-gone', { redemption: r.id }, now);
    });
    logger.warn('redemption.abandoned-code-gone', { redemption: r.id, code: r.codeMask });
    flagged++;
  }
  return flagged;
};
