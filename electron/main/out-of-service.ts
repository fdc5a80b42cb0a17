import { err, ok } from '../contract/result';
import type { KioskState } from '../contract/schemas';
import type { IpcHandlers } from './ipc/create-ipc-dispatcher';
import { maintenanceDisabledHandlers, type MaintenanceHandlers } from './maintenance/maintenance-handlers';

/**
 * What the window talks to when the kiosk cannot run (invalid configuration, credentials refused): a
 * customer sees "out of service" instead of a blank screen or a crash loop, and the log says why. When a
 * configuration with a PIN hash was loaded, the maintenance screen still opens and says why too.
 */
export const outOfServiceHandlers = (
  machineName: string,
  language: string,
  maintenance: MaintenanceHandlers = maintenanceDisabledHandlers,
): IpcHandlers => {
  const state: KioskState = {
    mode: 'live',
    phase: 'out-of-service',
    machineName,
    language,
    board: 'down',
    entryLockedUntil: null,
    demoCodes: [],
    idleTimeoutSeconds: 60,
  };
  return {
    getState: () => Promise.resolve(ok(state)),
    submitCode: () => Promise.resolve(err({ code: 'out-of-service' })),
    ...maintenance,
  };
};
