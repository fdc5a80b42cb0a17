import type { LiveLanguage } from './incoming';

/** Who is speaking: `machine_id` is the platform's numeric id, `client_id` the machine number. */
export type LiveCommon = { readonly machineId: string; readonly machineNo: string };

/** A message before sealing: every value text, no `timestamp` or `sign` (sealLiveMessage adds both). */
export type OutgoingFields = Record<string, string>;

/** `floor_status` as the cloud counts slot health: 0 slot missing, 1 ok, 2 jammed, 3 motor fault, 47 serial timeout. */
export type FloorStatus = 0 | 1 | 2 | 3 | 47;
/** `lock_status`: -1 no lock, 0 open, 1 closed, 2 fault. */
export type LockStatus = -1 | 0 | 1 | 2;

/** How a test dispense ended, in the terms `floor_status` can carry. */
export type TestOutcome = 'done' | 'slot-missing' | 'jammed' | 'motor-fault' | 'serial-timeout';

/** Plain decimal text, fractions cut (minutes of uptime); NaN or a huge number is a caller's bug, never sent. */
const decimal = (n: number): string => {
  const whole = Math.trunc(n);
  if (!Number.isSafeInteger(whole)) throw new RangeError(`not a whole number: ${n}`);
  return String(whole);
};

/**
 * The common fields and the method, then the message's own. Empty values are left out here as sealing leaves
 * them out of the JSON and the signature, so what a builder returns is exactly what goes on the wire.
 */
const message = (
  common: LiveCommon,
  method: string,
  own: Readonly<Record<string, string | undefined>>,
): OutgoingFields => {
  const all: Record<string, string | undefined> = {
    machine_id: common.machineId,
    client_id: common.machineNo,
    status: '0',
    method,
    ...own,
  };
  const fields: OutgoingFields = {};
  for (const [key, value] of Object.entries(all))
    if (value !== undefined && value !== '') fields[key] = value;
  return fields;
};

/** Every 5 minutes; the platform marks the machine offline after 10 minutes without one. */
export const heartbeat = (
  common: LiveCommon,
  input: { networkType: string; rssi?: number; uptimeMinutesToday: number },
): OutgoingFields =>
  message(common, 'client.heartbeat', {
    network_type: input.networkType,
    network_rssi: input.rssi === undefined ? undefined : decimal(input.rssi),
    uptime_minutes_today: decimal(input.uptimeMinutesToday),
  });

/** Also the MQTT will message, so the broker says it for a kiosk that vanished. */
export const offline = (common: LiveCommon, input: { reason: string }): OutgoingFields =>
  message(common, 'client.offline', { reason: input.reason });

export type EnvInput = {
  appVersion: string;
  os: string;
  osVersion: string;
  screenWidth: number;
  screenHeight: number;
  language: LiveLanguage;
  /** 0–100; omitted when the kiosk cannot read it. */
  brightness?: number;
  /** 0–100; omitted when the kiosk cannot read it. */
  volume?: number;
};

/**
 * After connecting and after a reboot. The vendor lists only `app_version` by name ("OS and device fields, screen
 * size, brightness, volume, language"), so the other keys follow its snake_case style: `os`, `os_version`,
 * `screen_width`, `screen_height` (pixels), `brightness`, `volume`, `language` (the kiosk's own tag, `zh-CN`).
 */
export const envPut = (common: LiveCommon, input: EnvInput): OutgoingFields =>
  message(common, 'client.machine.env.put', {
    app_version: input.appVersion,
    os: input.os,
    os_version: input.osVersion,
    screen_width: decimal(input.screenWidth),
    screen_height: decimal(input.screenHeight),
    language: input.language,
    brightness: input.brightness === undefined ? undefined : decimal(input.brightness),
    volume: input.volume === undefined ? undefined : decimal(input.volume),
  });

/** How the vendor's own app reports a consumed code: `id` is the code's record id. */
export const codeUsed = (common: LiveCommon, input: { codeId: number }): OutgoingFields =>
  message(common, 'client.pickup_codes.put', { id: decimal(input.codeId), used: '1' });

/** When a slot's health changes. */
export const channelStatus = (
  common: LiveCommon,
  input: { productId: number; floorStatus: FloorStatus; lockStatus: LockStatus },
): OutgoingFields =>
  message(common, 'client.channel.status.put', {
    product_id: decimal(input.productId),
    floor_status: decimal(input.floorStatus),
    lock_status: decimal(input.lockStatus),
  });

/** When stock changes: `operation` 1 on shelf, 0 off. */
export const productPut = (
  common: LiveCommon,
  input: { productId: number; currentInventory: number; onShelf: boolean },
): OutgoingFields =>
  message(common, 'client.product.put', {
    product_id: decimal(input.productId),
    current_inventory: decimal(input.currentInventory),
    operation: input.onShelf ? '1' : '0',
  });

const outcomeStatus: Readonly<Record<TestOutcome, FloorStatus>> = {
  done: 1,
  'slot-missing': 0,
  jammed: 2,
  'motor-fault': 3,
  'serial-timeout': 47,
};

/**
 * The vendor documents no answer to `client.channel.debugging`; the slot's health is what the dashboard shows,
 * so the outcome goes out as `client.channel.status.put` for that slot. The command names the slot by board and
 * number only: the caller maps it to the product in it. No lock on the slot unless the caller says otherwise.
 */
export const testResult = (
  common: LiveCommon,
  input: { productId: number; outcome: TestOutcome; lockStatus?: LockStatus },
): OutgoingFields =>
  channelStatus(common, {
    productId: input.productId,
    floorStatus: outcomeStatus[input.outcome],
    lockStatus: input.lockStatus ?? -1,
  });
