import { err } from '../../contract/result';
import type { IpcHandlers } from '../ipc/create-ipc-dispatcher';
import type { OperatorTools } from '../operator/operator-tools';
import type { MaintenanceSession } from './maintenance-session';
import {
  noOperatorTools,
  operatorDisabledHandlers,
  operatorHandlers,
  type OperatorMethod,
} from './operator-handlers';

export type MaintenanceMethod =
  | 'maintenanceOpen'
  | 'maintenanceStatus'
  | 'maintenanceClearLock'
  | 'maintenanceRetryOutbox'
  | 'maintenanceSettleOwed'
  | 'maintenanceClose'
  | OperatorMethod;

/** The maintenance part of the bridge; start-kiosk spreads it into whichever handler set this start runs. */
export type MaintenanceHandlers = Pick<IpcHandlers, MaintenanceMethod>;

export const maintenanceHandlers = (
  session: MaintenanceSession,
  tools: OperatorTools = noOperatorTools,
): MaintenanceHandlers => ({
  maintenanceOpen: ({ pin }) => session.open(pin),
  maintenanceStatus: () => Promise.resolve(session.status()),
  maintenanceClearLock: ({ addr, slot }) => Promise.resolve(session.clearLock(addr, slot)),
  maintenanceRetryOutbox: () => session.retryOutbox(),
  maintenanceSettleOwed: ({ redemptionId }) => Promise.resolve(session.settleOwed(redemptionId)),
  maintenanceClose: () => Promise.resolve(session.close()),
  ...operatorHandlers(session, tools),
});

const forbidden = () => Promise.resolve(err({ code: 'forbidden' as const }));

/**
 * When no configuration with a PIN hash was loaded (the demo, an invalid configuration): the screen cannot
 * open, so there is never a session for the other methods.
 */
export const maintenanceDisabledHandlers: MaintenanceHandlers = {
  maintenanceOpen: () => Promise.resolve(err({ code: 'maintenance-disabled' })),
  maintenanceStatus: forbidden,
  maintenanceClearLock: forbidden,
  maintenanceRetryOutbox: forbidden,
  maintenanceSettleOwed: forbidden,
  maintenanceClose: forbidden,
  ...operatorDisabledHandlers,
};
