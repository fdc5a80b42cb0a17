import type { MachineConfig } from '../config/schema';
import type { EngineSettings } from './deps';

/** The machine configuration's redemption settings, in the units the engine works in. */
export const engineSettings = (config: MachineConfig): EngineSettings => ({
  offline:
    config.offline.policy === 'deny'
      ? { policy: 'deny' }
      : { policy: 'allow-cached', maxCacheAgeMs: config.offline.maxCacheAgeSeconds * 1000 },
  refreshOnMissAfterMs: config.cloud.refreshOnMissAfterSeconds * 1000,
  reporting: config.cloud.reporting,
  quarantineAfterFailures: config.slots.quarantineAfterFailures,
  owedFromOtherSlot: config.slots.owedFromOtherSlot,
});
