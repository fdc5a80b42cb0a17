import { join } from 'node:path';
import { systemClock } from '../adapters/system-clock';
import { ok } from '../contract/result';
import type { MachineConfig } from '../core/config/schema';
import type { Logger, LogLevel } from '../core/ports/logger';
import { createRuntime, type CreatedRuntime, type RuntimeMachine } from '../runtime/start-runtime';
import { loadMachineConfig } from './config/load-machine-config';
import { credentialPaths, nodeCredentialFs } from './credentials/credential-files';
import { secretValues } from '../core/ports/credentials';
import { CODE_KEY_FILE, loadCodeKey } from './credentials/code-key';
import { loadCredentials } from './credentials/load-credentials';
import { credentialStoreStatus, type SafeStorageLike } from './credentials/safe-storage';
import type { IpcHandlers } from './ipc/create-ipc-dispatcher';
import { openControlChannel, withControlChannel } from './control/open-control-channel';
import { maintenanceDisabledHandlers, type MaintenanceHandlers } from './maintenance/maintenance-handlers';
import {
  outOfServiceMaintenance,
  runtimeControlTarget,
  runtimeMaintenance,
  type MaintenanceContext,
} from './maintenance/wire-maintenance';
import { outOfServiceHandlers } from './out-of-service';

/** A running start's runtime is created but not started: the shell shows its "starting" state, then starts it. */
export type KioskStart =
  | { readonly kind: 'running'; readonly runtime: CreatedRuntime; readonly handlers: IpcHandlers }
  | { readonly kind: 'out-of-service'; readonly reason: string; readonly handlers: IpcHandlers };

export type StartKioskDeps = {
  readonly resourcesDir: string;
  /** siteOverrideDir(): where an administrator may put a corrected configuration. */
  readonly overrideDir: string;
  readonly userDataDir: string;
  readonly safeStorage: SafeStorageLike;
  readonly logger: Logger;
  /** Applies the configuration's log level once it is known. */
  readonly setLogLevel?: (level: LogLevel) => void;
  /** Hands the loaded credentials to the logger, which scrubs them from any line as a last line of defence. */
  readonly protectSecrets?: (secrets: readonly string[]) => void;
  /** Shown on the maintenance screen (Electron's app.getVersion()). */
  readonly appVersion?: string;
  /**
   * Opens the control channel for `kioskctl kiosk …` in the user-data folder (the app does; tests that only
   * need the start decision leave it shut).
   */
  readonly controlChannel?: boolean;
};

/** The code-hash key beside the credentials; null (and logged) when the OS store will not keep it. */
const openCodeKey = async (deps: StartKioskDeps, config: MachineConfig): Promise<Buffer | null> => {
  try {
    return await loadCodeKey({
      safeStorage: deps.safeStorage,
      backend: credentialStoreStatus(deps.safeStorage, config.secrets.allowWeakStore).backend,
      file: join(deps.userDataDir, CODE_KEY_FILE),
      fs: nodeCredentialFs,
      logger: deps.logger,
    });
  } catch (e) {
    deps.logger.error('code-key.unavailable', { error: e instanceof Error ? e.message : 'non-error' });
    return null;
  }
};

export const runtimeHandlers = (
  runtime: Pick<CreatedRuntime, 'core'>,
  maintenance: MaintenanceHandlers = maintenanceDisabledHandlers,
): IpcHandlers => ({
  getState: () => Promise.resolve(ok(runtime.core.getState())),
  submitCode: ({ code }) => runtime.core.submitCode(code),
  ...maintenance,
});

/**
 * The one start decision: the demo (no configuration anywhere), the machine (valid configuration and
 * credentials), or an out-of-service screen that names nothing secret (anything else). Never throws for an
 * expected problem; the log carries the installer-readable reason. The demo's maintenance screen works like a
 * machine's, with the demo's documented PIN.
 */
export const startKiosk = async (deps: StartKioskDeps): Promise<KioskStart> => {
  const { logger } = deps;
  const maintenance = (config: MachineConfig, demo = false): MaintenanceContext => ({
    config,
    credentialStore: demo
      ? { state: 'not-used', message: 'the demo runs on the simulated cloud and needs no credentials' }
      : credentialStoreStatus(deps.safeStorage, config.secrets.allowWeakStore),
    version: deps.appVersion ?? 'unknown',
    clock: systemClock,
    logger,
    // The wrong-PIN count lives here, so a forced restart does not reset it.
    userDataDir: deps.userDataDir,
  });
  const load = await loadMachineConfig(
    { resourcesDir: deps.resourcesDir, overrideDir: deps.overrideDir, userDataDir: deps.userDataDir },
    { logger },
  );
  if (load.kind === 'invalid') {
    for (const p of load.problems)
      logger.error('config.invalid', { source: load.source, path: load.path, problem: JSON.stringify(p) });
    return {
      kind: 'out-of-service',
      reason: `invalid machine configuration in ${load.path}`,
      handlers: outOfServiceHandlers('Pickup Kiosk', 'en'),
    };
  }
  let machine: RuntimeMachine = { kind: 'demo' };
  if (load.kind === 'machine') {
    const { config } = load;
    deps.setLogLevel?.(config.logLevel);
    const credentials = await loadCredentials({
      safeStorage: deps.safeStorage,
      paths: credentialPaths(deps.userDataDir),
      machineNo: config.machineNo,
      allowWeakStore: config.secrets.allowWeakStore,
      logger,
    });
    const codeKey = credentials.ok ? await openCodeKey(deps, config) : null;
    if (!credentials.ok || codeKey === null) {
      const reason = credentials.ok
        ? 'the code key could not be kept in the OS-encrypted store'
        : `credentials: ${credentials.error.message}`;
      return {
        kind: 'out-of-service',
        reason,
        handlers: outOfServiceHandlers(
          config.machineName,
          config.language,
          outOfServiceMaintenance(maintenance(config), reason),
        ),
      };
    }
    deps.protectSecrets?.(secretValues(credentials.value));
    machine = { kind: 'machine', config, credentials: credentials.value, codeKey };
    logger.info('config.loaded', { source: load.source, machineNo: config.machineNo });
  } else {
    logger.warn('config.none', {
      mode: 'demo',
      reason: 'no machine.json in resources or user data: running the demo',
    });
  }
  const created = await createRuntime({ dataDir: deps.userDataDir, machine, logger });
  const context = maintenance(created.config, machine.kind === 'demo');
  const operator = runtimeMaintenance(context, created.core);
  const channel = deps.controlChannel
    ? await openControlChannel(deps.userDataDir, runtimeControlTarget(context, created.core), logger)
    : null;
  const runtime = withControlChannel(created, channel);
  return { kind: 'running', runtime, handlers: runtimeHandlers(runtime, operator) };
};
