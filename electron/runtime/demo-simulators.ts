import type { MachineConfig } from '../core/config/schema';
import type { Clock } from '../core/ports/clock';
import type { Credentials } from '../core/ports/credentials';
import type { Logger } from '../core/ports/logger';
import type { SerialLink } from '../core/ports/serial-link';
import { createInProcessBoard } from '../sim/board/in-process';
import { demoCredentials, demoSeed, listDemoCodes } from '../sim/cloud/demo-seed';
import { startSimCloud } from '../sim/cloud/server';
import { startEmbeddedBroker } from '../sim/mqtt/embedded-broker';
import { demoMachineConfig } from './demo-config';

export type DemoSimulators = {
  readonly config: MachineConfig;
  readonly credentials: Credentials;
  readonly link: SerialLink;
  /** Codes shown on the demo screen, e.g. "24681357 · Sparkling Water ×1". */
  readonly codes: readonly string[];
  stop(): Promise<void>;
};

/** The demo machine's id on the simulated platform (`machine_id` in every live message). */
export const DEMO_MACHINE_ID = '900001';

/**
 * Demo mode's two simulators: the vendor cloud over real HTTP on 127.0.0.1 (so the real client, signing
 * and parsing run) and the driver board in-process (the real driver speaks Modbus RTU frames to it).
 */
export const startDemoSimulators = async (clock: Clock, logger: Logger): Promise<DemoSimulators> => {
  const seed = demoSeed();
  // The live link needs a broker; the demo embeds one on 127.0.0.1, so `npm start` needs nothing installed and a
  // code made with `kioskctl cloud create` reaches the screen within a second, as on a machine the vendor pushes to.
  const broker = await startEmbeddedBroker({
    onError: (e) => {
      logger.warn('demo.broker-error', { error: e.message });
    },
  });
  const cloud = await startSimCloud({
    seed,
    credentials: demoCredentials,
    now: () => clock.now(),
    live: { brokerUrl: broker.url, machineId: DEMO_MACHINE_ID, key: demoCredentials.appKey },
  });
  const board = createInProcessBoard({
    clock,
    config: {
      boards: [
        { addr: 1, dropSensor: true },
        { addr: 2, dropSensor: false },
      ],
    },
  });
  logger.info('demo.started', { cloud: cloud.baseUrl, broker: broker.url });
  return {
    config: demoMachineConfig(cloud.baseUrl, { brokerUrl: broker.url, machineId: DEMO_MACHINE_ID }),
    credentials: demoCredentials,
    link: board.link,
    codes: listDemoCodes(clock.now(), seed).map((c) => c.code),
    async stop() {
      await board.close();
      await cloud.close();
      await broker.close();
    },
  };
};
