import type { BackgroundLoops } from '../background-loops';
import type { LiveLinkConfig } from '../config/live-link-schema';
import type { Clock } from '../ports/clock';
import type { LiveTransport } from '../ports/live-transport';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { Product } from '../ports/vendor-cloud';
import type { LiveCommand } from './incoming';
import { claimCommand, hasSideEffect } from './acted-commands';
import { createLiveConnection, type LiveStatus } from './live-connection';
import { createLiveInbound, type InboundCounts } from './live-inbound';
import { sealLiveMessage } from './live-message';
import { createLiveOutbox } from './live-outbox';
import { createMessageGuard } from './message-guard';
import { codeUsed, envPut, heartbeat, offline, type EnvInput, type LiveCommon } from './outgoing';
import { reportSlotChanges } from './report-slots';

/** What the maintenance screen and diagnostics show of the live link. */
export type LiveLinkView = LiveStatus &
  InboundCounts & { readonly waiting: number; readonly lastHeartbeatAt: number | null };

export type LiveServiceDeps = {
  readonly config: LiveLinkConfig;
  readonly machineNo: string;
  /** The credential that signs both ways (`liveLink.signWith`). */
  readonly key: string;
  readonly transport: LiveTransport;
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly act: (command: LiveCommand) => void;
  readonly env: () => EnvInput;
  readonly networkType: string;
  readonly bootedAt: number;
  readonly onChange: () => void;
};

export type LiveService = {
  start(loops: BackgroundLoops): void;
  stop(): Promise<void>;
  isUp(): boolean;
  /** Queues `client.pickup_codes.put`; synchronous, so it joins the caller's journal transaction. */
  codeUsed(codeId: number): void;
  /** Tells the platform what changed in stock and slot health since it was last told. */
  reportSlots(products: readonly Product[]): void;
  /** Queues any message (built with outgoing.ts and `common`) and sends it when the link is up. */
  enqueue(fields: Readonly<Record<string, string>>): void;
  readonly common: LiveCommon;
  view(): LiveLinkView;
};

const minutesToday = (now: number, bootedAt: number): number => {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return Math.floor((now - Math.max(bootedAt, midnight.getTime())) / 60_000);
};

export const liveTopic = (topic: string, machineNo: string): string =>
  topic.replaceAll('{machine_no}', machineNo);

export const createLiveService = (deps: LiveServiceDeps): LiveService => {
  const { config, store, clock, logger, transport } = deps;
  const common: LiveCommon = { machineId: config.machineId, machineNo: deps.machineNo };
  const topicIn = liveTopic(config.topicIn, deps.machineNo);
  const topicOut = liveTopic(config.topicOut, deps.machineNo);
  const seal = (fields: Readonly<Record<string, string>>) =>
    sealLiveMessage(fields, deps.key, clock.now() / 1000);
  const outbox = createLiveOutbox({ store, transport, clock, logger, topic: topicOut, seal });
  let lastHeartbeatAt: number | null = null;
  const connection = createLiveConnection({
    transport,
    clock,
    logger,
    maxBackoffMs: config.reconnectMaxSeconds * 1000,
    connectOptions: () => ({
      will: { topic: topicOut, body: seal(offline(common, { reason: 'network_timeout' })).body },
      subscribe: topicIn,
    }),
    onUp: () => {
      outbox.enqueue(envPut(common, deps.env()));
      void send();
    },
    onChange: () => {
      deps.onChange();
    },
  });
  const inbound = createLiveInbound({
    topic: topicIn,
    key: deps.key,
    guard: createMessageGuard({ toleranceSeconds: config.clockToleranceSeconds, machineNo: deps.machineNo }),
    logger,
    act: deps.act,
    claim: (command, sign) => !hasSideEffect(command) || claimCommand(store, sign),
  });
  transport.onMessage((topic, body) => {
    inbound.receive(topic, body, clock.now());
  });
  const isUp = (): boolean => connection.status().state === 'up';
  const send = async (): Promise<void> => {
    if (isUp()) await outbox.flush();
  };

  return {
    start(loops) {
      connection.start();
      loops.every('live-heartbeat', config.heartbeatSeconds * 1000, () => {
        const now = clock.now();
        lastHeartbeatAt = now;
        outbox.enqueue(
          heartbeat(common, {
            networkType: deps.networkType,
            uptimeMinutesToday: minutesToday(now, deps.bootedAt),
          }),
        );
        return send();
      });
      // A publish that failed while the connection stayed up is tried again soon, in order.
      loops.every('live-outbox', 5000, send);
    },
    async stop() {
      // A clean goodbye does not trigger the will, so the platform is told directly; not queued: a kiosk that
      // is back on by the time it could be sent is not offline.
      if (isUp()) await transport.publish(topicOut, seal(offline(common, { reason: 'app_exit' })).body);
      await connection.stop();
    },
    isUp,
    codeUsed(codeId) {
      outbox.enqueue(codeUsed(common, { codeId }));
      void send();
    },
    reportSlots(products) {
      if (
        reportSlotChanges(store, common, products, (fields) => {
          outbox.enqueue(fields);
        }) > 0
      )
        void send();
    },
    enqueue(fields) {
      outbox.enqueue(fields);
      void send();
    },
    common,
    view: () => ({ ...connection.status(), ...inbound.counts(), waiting: outbox.pending(), lastHeartbeatAt }),
  };
};
