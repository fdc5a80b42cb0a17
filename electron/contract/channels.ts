/** Every IPC channel name lives here, so the preload, the main wrapper and the tests cannot drift apart. */
export const invokeChannels = {
  getState: 'kiosk:get-state',
  submitCode: 'kiosk:submit-code',
  maintenanceOpen: 'kiosk:maintenance-open',
  maintenanceStatus: 'kiosk:maintenance-status',
  maintenanceClearLock: 'kiosk:maintenance-clear-lock',
  maintenanceRetryOutbox: 'kiosk:maintenance-retry-outbox',
  maintenanceSettleOwed: 'kiosk:maintenance-settle-owed',
  maintenanceTestDispense: 'kiosk:maintenance-test-dispense',
  maintenanceRestock: 'kiosk:maintenance-restock',
  maintenanceResolveAttention: 'kiosk:maintenance-resolve-attention',
  maintenanceSetService: 'kiosk:maintenance-set-service',
  maintenanceSetSound: 'kiosk:maintenance-set-sound',
  maintenanceRecentLog: 'kiosk:maintenance-recent-log',
  maintenanceClose: 'kiosk:maintenance-close',
} as const;

export const eventChannels = {
  progress: 'kiosk:event:progress',
  state: 'kiosk:event:state',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;
export type EventName = keyof typeof eventChannels;
