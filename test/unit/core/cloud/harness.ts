import {
  createVendorCloud,
  type VendorCloudOptions,
} from '../../../../electron/core/cloud/create-vendor-cloud';
import type { VendorCloud } from '../../../../electron/core/ports/vendor-cloud';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { ScriptedHttp } from '../../../fakes/scripted-http';

export const testCredentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' } as const;

export type Harness = {
  readonly cloud: VendorCloud;
  readonly http: ScriptedHttp;
  readonly clock: ManualClock;
  readonly logger: MemoryLogger;
  readonly options: VendorCloudOptions;
};

/** A client over a scripted HTTP fake, a manual clock and a memory logger; jitter fixed at 0.5. */
export const harness = (overrides: Partial<VendorCloudOptions> = {}): Harness => {
  const http = new ScriptedHttp();
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 4, 0, 0));
  const logger = new MemoryLogger();
  const options: VendorCloudOptions = {
    baseUrl: 'https://cloud.example.test/',
    machineNo: '12345678',
    notifyUrl: 'https://kiosk.example.test/notify',
    credentials: testCredentials,
    http,
    clock,
    logger,
    timeoutMs: 3000,
    retries: 2,
    random: () => 0.5,
    ...overrides,
  };
  return { cloud: createVendorCloud(options), http, clock, logger, options };
};

/** Settles a call that waits on the manual clock (retry backoff), advancing time in steps until it is done. */
export const settle = async <T>(
  clock: ManualClock,
  pending: Promise<T>,
  stepMs = 250,
  maxSteps = 200,
): Promise<T> => {
  const progress = { done: false };
  const watched = pending.finally(() => {
    progress.done = true;
  });
  for (let i = 0; i < maxSteps && !progress.done; i++) await clock.advance(stepMs);
  return watched;
};

/** A product item as the vendor sends it, with overrides. */
export const productItem = (
  id: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> => ({
  id,
  current_inventory: '3',
  inventory: 5,
  good: { name: `Item ${id}`, price: '1.50' },
  channel: { name: `A${id}`, cabinet_name: 'A', code: String(id % 100).padStart(3, '0'), addr: 1 },
  ...overrides,
});

export const page = (items: unknown[], current: number, last: number): Record<string, unknown> => ({
  data: items,
  total: items.length,
  current_page: current,
  last_page: last,
  per_page: 100,
});
