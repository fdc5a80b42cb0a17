import { randomBytes } from 'node:crypto';
import type { MachineConfig } from '../core/config/schema';
import { hashPin } from '../core/security/pin-hash';
import { machineConfigSchema } from '../core/config/schema';
import { demoMachineNo } from '../sim/cloud/demo-seed';

/**
 * The configuration demo mode runs with: the demo machine on the built-in simulated cloud and board.
 * Board 1 has a drop sensor, board 2 has not, so both dispense paths are on show. `allow-cached` is not
 * used: the demo behaves like a real machine's safe default.
 */
/** The demo's maintenance PIN, printed in the README: a demo has nothing to protect. */
export const demoMaintenancePin = '246810';

export const demoMachineConfig = (
  simCloudBaseUrl: string,
  live: { readonly brokerUrl: string; readonly machineId: string } | null = null,
): MachineConfig =>
  machineConfigSchema.parse({
    machineNo: demoMachineNo,
    machineName: 'Pickup Kiosk (demo)',
    supportContact: '400-000-0000 (demo)',
    cloud: {
      baseUrl: simCloudBaseUrl,
      notifyUrl: `${simCloudBaseUrl}/notify`,
      cacheRefreshSeconds: 60,
      refreshOnMissAfterSeconds: 0,
    },
    serial: { path: 'simulated' },
    boards: [
      { addr: 1, defaultSlotType: 1, dropSensor: true },
      { addr: 2, defaultSlotType: 3, dropSensor: false },
    ],
    idleTimeoutSeconds: 45,
    ...(live === null ? {} : { liveLink: live }),
    maintenance: { pinHash: hashPin(demoMaintenancePin, randomBytes(16)) },
  });
