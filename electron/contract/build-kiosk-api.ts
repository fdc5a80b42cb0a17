import type { EventPayload, KioskApi, MethodInput } from './api';
import { eventChannels, invokeChannels, type EventName, type InvokeMethod } from './channels';

/**
 * How the page reaches main: the preload supplies Electron's ipcRenderer, the browser e2e harness supplies
 * a Playwright binding. Both build `window.kiosk` with this one function, so they cannot differ.
 */
export type KioskTransport = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
};

const isEventName = (event: unknown): event is EventName =>
  typeof event === 'string' && Object.hasOwn(eventChannels, event);

export const buildKioskApi = (transport: KioskTransport): KioskApi => {
  const call =
    <M extends InvokeMethod>(method: M) =>
    (input: MethodInput<M>) =>
      transport.invoke(invokeChannels[method], input) as ReturnType<KioskApi[M]>;
  return {
    getState: call('getState'),
    submitCode: call('submitCode'),
    maintenanceOpen: call('maintenanceOpen'),
    maintenanceStatus: call('maintenanceStatus'),
    maintenanceClearLock: call('maintenanceClearLock'),
    maintenanceRetryOutbox: call('maintenanceRetryOutbox'),
    maintenanceSettleOwed: call('maintenanceSettleOwed'),
    maintenanceTestDispense: call('maintenanceTestDispense'),
    maintenanceRestock: call('maintenanceRestock'),
    maintenanceResolveAttention: call('maintenanceResolveAttention'),
    maintenanceSetService: call('maintenanceSetService'),
    maintenanceSetSound: call('maintenanceSetSound'),
    maintenanceRecentLog: call('maintenanceRecentLog'),
    maintenanceClose: call('maintenanceClose'),
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      // The page is not trusted to pass what its types say: only the contract's events can be followed (never
      // an arbitrary ipcRenderer channel), and the unsubscribe hands nothing back across the bridge.
      if (!isEventName(event)) throw new TypeError('unknown kiosk event');
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const off = transport.subscribe(eventChannels[event], (payload) => {
        listener(payload as EventPayload<E>);
      });
      return (): void => {
        off();
      };
    },
  };
};
