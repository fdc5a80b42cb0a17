import { join } from 'node:path';
import { readLogTail } from '../../adapters/log-tail';
import type { CredentialStoreView, MaintenanceStatus } from '../../contract/maintenance-schemas';
import { err, ok } from '../../contract/result';
import type { MachineConfig } from '../../core/config/schema';
import type { KioskCore } from '../../core/create-kiosk-core';
import type { Clock } from '../../core/ports/clock';
import type { LogFields, Logger } from '../../core/ports/logger';
import { maintenanceHandlers, type MaintenanceHandlers } from './maintenance-handlers';
import { createMaintenanceSession, type MaintenanceTarget } from './maintenance-session';
import { outOfServiceStatus, runningStatus, type MachineIdentity } from './maintenance-status';
import { fileCell, pinStatePath } from './pin-state-file';
import {
  runningOperatorTools,
  stoppedOperatorTools,
  type LogReader,
  type OperatorTools,
} from '../operator/operator-tools';

/** Everything the maintenance screen needs from a start, whether the kiosk then runs or not. */
export type MaintenanceContext = {
  readonly config: MachineConfig;
  /** From `credentialStoreStatus`, judged at start: the OS key store does not change while the app runs. */
  readonly credentialStore: CredentialStoreView;
  readonly version: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * The user-data folder, where the wrong-PIN count is kept (`maintenance-pin-state.json`, mode 0600), so a
   * restart does not forgive it. Without it the count lives only in memory, and the log says so at start.
   */
  readonly userDataDir?: string;
};

const identityOf = (context: MaintenanceContext): MachineIdentity => ({
  machineNo: context.config.machineNo,
  version: context.version,
  credentialStore: { state: context.credentialStore.state, message: context.credentialStore.message },
});

/** The kiosk's own log folder (app-logger.ts); without a user-data folder there is no file to read. */
const logReaderFor = ({ userDataDir }: MaintenanceContext): LogReader =>
  userDataDir === undefined ? () => [] : (lines) => readLogTail(join(userDataDir, 'logs'), lines);

/**
 * One session over a target; the running and the out-of-service kiosk differ only in what the target can do.
 * Both keep the wrong-PIN count in the same file, whether or not a core and its database exist, so switching
 * between the two (a configuration or credential problem, a fix) does not forgive it either.
 */
const sessionOver = (
  context: MaintenanceContext,
  target: MaintenanceTarget,
  tools: OperatorTools,
): MaintenanceHandlers => {
  const { userDataDir, logger } = context;
  if (userDataDir === undefined && context.config.maintenance.pinHash !== null)
    logger.warn('maintenance.pin-state-in-memory', {
      reason: 'no user-data folder given: a restart forgives',
    });
  return maintenanceHandlers(
    createMaintenanceSession({
      pinHash: context.config.maintenance.pinHash,
      clock: context.clock,
      logger,
      target,
      ...(userDataDir === undefined ? {} : { pinState: fileCell(pinStatePath(userDataDir)) }),
    }),
    tools,
  );
};

/** What the control channel (kioskctl kiosk …) drives on the running kiosk: the screen's tools, without a PIN. */
export type ControlTarget = {
  readonly status: () => MaintenanceStatus;
  readonly tools: OperatorTools;
  readonly audit: (kind: string, detail: LogFields) => void;
};

export const runtimeControlTarget = (context: MaintenanceContext, core: KioskCore): ControlTarget => {
  const identity = identityOf(context);
  return {
    status: () => runningStatus(core, identity),
    tools: runningOperatorTools(core, logReaderFor(context)),
    audit: (kind, detail) => {
      core.audit(kind, detail);
    },
  };
};

/** The running kiosk: status from its core, locks cleared and reports sent through it, audit in its database. */
export const runtimeMaintenance = (context: MaintenanceContext, core: KioskCore): MaintenanceHandlers => {
  const identity = identityOf(context);
  return sessionOver(
    context,
    {
      status: () => runningStatus(core, identity),
      clearSlotLock: (addr, slot) => ok(core.clearSlotLock(addr, slot)),
      settleOwed: (redemptionId) => {
        const settled = core.settleOwed(redemptionId);
        return settled.ok ? settled : err({ code: 'invalid-input' });
      },
      retryOutbox: async () => {
        await core.flushOutbox(true);
        return ok(undefined);
      },
      audit: (kind, detail) => {
        core.audit(kind, detail);
      },
    },
    runningOperatorTools(core, logReaderFor(context)),
  );
};

/** A configuration loaded but the kiosk cannot run (credentials refused): the screen shows why, and can do nothing else. */
export const outOfServiceMaintenance = (context: MaintenanceContext, reason: string): MaintenanceHandlers => {
  const identity = identityOf(context);
  return sessionOver(
    context,
    {
      status: () => outOfServiceStatus({ ...identity, machineName: context.config.machineName, reason }),
      clearSlotLock: () => err({ code: 'out-of-service' }),
      settleOwed: () => err({ code: 'out-of-service' }),
      retryOutbox: () => Promise.resolve(err({ code: 'out-of-service' })),
    },
    stoppedOperatorTools(logReaderFor(context)),
  );
};
