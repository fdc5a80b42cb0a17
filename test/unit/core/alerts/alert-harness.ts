import { createHmac } from 'node:crypto';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { createTradeId } from '../../../../electron/core/cloud/trade-id';
import type { MachineConfigInput } from '../../../../electron/core/config/schema';
import { createKioskCore, type KioskCore } from '../../../../electron/core/create-kiosk-core';
import type { HttpClient, HttpRequest } from '../../../../electron/core/ports/http';
import type { KioskStore } from '../../../../electron/core/ports/store';
import { demoSeed } from '../../../../electron/sim/cloud/demo-seed';
import { SimCloudState } from '../../../../electron/sim/cloud/state';
import { FakeBoardDriver } from '../../../fakes/fake-board-driver';
import { FakeVendorCloud } from '../../../fakes/fake-vendor-cloud';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { answer, ScriptedHttp } from '../../../fakes/scripted-http';
import { TEST_CODE_KEY, testConfig } from '../redemption/harness';

/** An obviously fake alert key: long enough for the provisioning rule, worthless anywhere else. */
export const TEST_ALERT_KEY = 'test-alert-key-0123456789';
export const WEBHOOK = 'https://alerts.example.invalid/kiosk';

export type AlertHarness = {
  core: KioskCore;
  store: KioskStore;
  cloud: FakeVendorCloud;
  board: FakeBoardDriver;
  clock: ManualClock;
  logger: MemoryLogger;
  http: ScriptedHttp;
  /** The webhook requests so far (the cloud is a fake without HTTP, so every request is an alert). */
  alerts(): HttpRequest[];
  /** A new core on the same store, cloud, board and webhook: a kiosk restart. */
  restart(): Promise<KioskCore>;
};

export type AlertHarnessOptions = {
  readonly config?: Partial<MachineConfigInput>;
  readonly alerts?: Partial<NonNullable<MachineConfigInput['alerts']>>;
  /** null: the provisioning file had no alert key. */
  readonly key?: string | null;
  /** Put in place of the scripted client (a real one, for the loopback server test). */
  readonly http?: HttpClient;
  readonly start?: boolean;
  readonly clock?: ManualClock;
};

/** The core as the runtime builds it, with a webhook configured, on a manual clock. */
export const startAlertHarness = async (options: AlertHarnessOptions = {}): Promise<AlertHarness> => {
  const clock = options.clock ?? new ManualClock();
  const logger = new MemoryLogger();
  const cloud = new FakeVendorCloud(new SimCloudState(demoSeed(), { now: () => clock.now() }), clock);
  const board = new FakeBoardDriver();
  const store = openStore(':memory:');
  const http = new ScriptedHttp();
  http.fallback = () => answer(200, 'ok');
  const config = testConfig({ ...options.config, alerts: { webhookUrl: WEBHOOK, ...options.alerts } });
  let seq = 0;
  const make = (): KioskCore =>
    createKioskCore(
      { config, mode: 'live' },
      {
        store,
        cloud,
        board,
        clock,
        logger,
        newTradeId: () => createTradeId(clock, () => (seq++ % 1000) / 1000),
        codeKey: TEST_CODE_KEY,
        alerts: { http: options.http ?? http, key: options.key === undefined ? TEST_ALERT_KEY : options.key },
      },
    );
  const h: AlertHarness = {
    core: make(),
    store,
    cloud,
    board,
    clock,
    logger,
    http,
    alerts: () => http.requests.filter((r) => r.url === WEBHOOK),
    async restart() {
      await h.core.stop();
      h.core = make();
      await h.core.start();
      return h.core;
    },
  };
  if (options.start ?? true) await h.core.start();
  return h;
};

/** What a receiver does: recompute the signature over `<timestamp>.<body>` with the shared key. */
export const signatureOf = (key: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;

export const header = (req: HttpRequest, name: string): string | undefined =>
  Object.entries(req.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

export const bodyOf = (req: HttpRequest): Record<string, unknown> =>
  JSON.parse(req.body ?? '{}') as Record<string, unknown>;
