import type { MachineConfig } from './schema';

const slotTypeNames: Record<number, string> = {
  1: 'spring motor',
  2: 'electromagnetic lock',
  3: 'conveyor belt',
  4: 'timed motor',
};

const describeBoard = (board: MachineConfig['boards'][number]): string => {
  const overrides = Object.keys(board.slotTypes).length;
  const extras = [
    board.dropSensor ? 'drop sensor' : 'no drop sensor',
    ...(board.lift ? ['lift'] : []),
    ...(overrides > 0 ? [`${overrides} slot type override${overrides === 1 ? '' : 's'}`] : []),
  ];
  return `board ${board.addr}: ${slotTypeNames[board.defaultSlotType] ?? board.defaultSlotType} slots, ${extras.join(', ')}`;
};

/** The few lines `kioskctl config check` prints for a valid file: enough to spot the wrong file or wrong machine. */
export const summarizeMachineConfig = (config: MachineConfig): string[] => [
  `machine ${config.machineNo} "${config.machineName}"`,
  `cloud ${new URL(config.cloud.baseUrl).host}, reporting ${config.cloud.reporting ? 'on' : 'off'}, offline policy ${config.offline.policy}`,
  `serial ${config.serial.path} at ${config.serial.baud} baud`,
  ...config.boards.map(describeBoard),
  `language ${config.language} (offers ${config.languages.join(', ')}), attract screen ${config.attractScreen ? 'on' : 'off'}, idle timeout ${config.idleTimeoutSeconds} s, log level ${config.logLevel}`,
  `maintenance screen ${config.maintenance.pinHash ? 'enabled (PIN set)' : 'disabled (no PIN hash)'}`,
  config.alerts.webhookUrl === null
    ? 'alerts off (no webhook)'
    : `alerts to ${new URL(config.alerts.webhookUrl).host}, at most ${config.alerts.maxPerHour} an hour (needs alertKey in the provisioning file)`,
  config.liveLink.brokerUrl === null
    ? 'live link off (no broker): codes are polled'
    : `live link to ${new URL(config.liveLink.brokerUrl).host}, signed with the ${config.liveLink.signWith === 'appId' ? 'AppId' : 'AppKey'}${config.liveLink.machineId === '' ? ', WARNING: no liveLink.machineId' : ''}`,
  ...(config.secrets.allowWeakStore
    ? ['WARNING: secrets.allowWeakStore is on: credentials may be stored unencrypted on Linux']
    : []),
];
