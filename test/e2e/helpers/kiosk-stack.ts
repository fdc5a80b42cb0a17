import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../electron/adapters/system-clock';
import type { Credentials } from '../../../electron/core/ports/credentials';
import { hashPin } from '../../../electron/core/security/pin-hash';
import { createIpcDispatcher, type IpcDispatcher } from '../../../electron/main/ipc/create-ipc-dispatcher';
import { trustedSender } from '../../../electron/main/ipc/trusted-sender';
import { runtimeMaintenance } from '../../../electron/main/maintenance/wire-maintenance';
import { runtimeHandlers } from '../../../electron/main/start-kiosk';
import { demoMachineConfig } from '../../../electron/runtime/demo-config';
import { startRuntime, type Runtime } from '../../../electron/runtime/start-runtime';
import { readLedger, type LedgerEntry } from '../../../electron/sim/board/ledger';
import { demoSeed } from '../../../electron/sim/cloud/demo-seed';
import { startSimCloud, type SimCloud } from '../../../electron/sim/cloud/server';
import { MemoryLogger } from '../../fakes/memory-logger';
import { startSimBoardProcess, type SimBoardProcess } from '../../helpers/sim-board-process';
import { startPtyPair, type PtyPair } from '../../helpers/socat';

const credentials: Credentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' };
/** The maintenance PIN of the e2e machine (its configuration holds only the hash). */
export const maintenancePin = '246813';

/** The real kiosk behind the page: real core, sim cloud over HTTP, sim board process over a pty. */
export type KioskStack = {
  readonly runtime: Runtime;
  readonly cloud: SimCloud;
  readonly logger: MemoryLogger;
  /** The runtime's data folder: its journal and its media cache (the page's /media/). */
  readonly dataDir: string;
  /** The simulated board's process, for arming faults. */
  readonly board: SimBoardProcess;
  /** Every item the simulated board physically dropped, read from its own ledger file. */
  ledger(): LedgerEntry[];
  /** The IPC dispatcher, trusting only pages served from `pageOrigin`. */
  dispatcherFor(pageOrigin: string): IpcDispatcher;
  stop(): Promise<void>;
};

export const startKioskStack = async (): Promise<KioskStack> => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const ledgerPath = join(dir, 'ledger.jsonl');
  const boardConfigPath = join(dir, 'boards.json');
  // The same two boards as the demo machine configuration: board 1 with a drop sensor, board 2 without.
  writeFileSync(
    boardConfigPath,
    JSON.stringify({
      boards: [
        { addr: 1, dropSensor: true },
        { addr: 2, dropSensor: false },
      ],
    }),
  );

  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pty: PtyPair = await startPtyPair();
    stops.push(() => pty.stop());
    const board: SimBoardProcess = await startSimBoardProcess({
      port: pty.board,
      configPath: boardConfigPath,
      ledgerPath,
    });
    stops.push(() => board.kill());
    const cloud = await startSimCloud({ seed: demoSeed(), credentials });
    stops.push(() => cloud.close());

    const demo = demoMachineConfig(cloud.baseUrl);
    const config = {
      ...demo,
      machineName: 'Pickup Kiosk (e2e)',
      serial: { ...demo.serial, path: pty.kiosk },
      maintenance: { pinHash: hashPin(maintenancePin, Buffer.alloc(16, 1)) },
    };
    const logger = new MemoryLogger();
    const runtime = await startRuntime({
      dataDir: dir,
      machine: { kind: 'machine', config, credentials, codeKey: Buffer.alloc(32, 0x3e) },
      logger,
    });
    stops.push(() => runtime.stop());
    const maintenance = runtimeMaintenance(
      {
        config,
        credentialStore: { state: 'ready', message: 'e2e: test credentials held in memory' },
        version: 'e2e',
        clock: systemClock,
        logger,
      },
      runtime.core,
    );

    return {
      runtime,
      cloud,
      logger,
      dataDir: dir,
      board,
      ledger: () => readLedger(ledgerPath),
      dispatcherFor: (pageOrigin) =>
        createIpcDispatcher({
          handlers: runtimeHandlers(runtime, maintenance),
          isTrustedSender: trustedSender({ devOrigin: pageOrigin }),
          logger,
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
