import { release } from 'node:os';
import { createMqttTransport } from '../adapters/mqtt-transport';
import { systemPower } from '../adapters/power-commands';
import type { MachineConfig } from '../core/config/schema';
import type { LiveAdapters } from '../core/live/create-live-link';
import type { StoredCredentials } from '../core/ports/credentials';

export type MachineFacts = {
  readonly appVersion?: string;
  readonly screen?: { readonly width: number; readonly height: number };
  readonly networkType?: string;
};

/** The live link's adapters for this machine, or nothing when it has no broker configured. */
export const liveAdapters = (
  config: MachineConfig,
  credentials: StoredCredentials,
  facts: MachineFacts = {},
): LiveAdapters | undefined => {
  const live = config.liveLink;
  if (live.brokerUrl === null) return undefined;
  return {
    transport: createMqttTransport({
      url: live.brokerUrl,
      clientId: live.clientId === '' ? config.machineNo : live.clientId,
      ...(credentials.mqttUsername === undefined ? {} : { username: credentials.mqttUsername }),
      ...(credentials.mqttPassword === undefined ? {} : { password: credentials.mqttPassword }),
      keepaliveSeconds: live.keepaliveSeconds,
    }),
    keys: { appKey: credentials.appKey, appId: credentials.appId },
    env: () => ({
      appVersion: facts.appVersion ?? 'unknown',
      os: process.platform,
      osVersion: release(),
      // The portrait totem the product is built for, unless the shell measured the real display.
      screenWidth: facts.screen?.width ?? 1080,
      screenHeight: facts.screen?.height ?? 1920,
      language: config.language,
    }),
    ...(facts.networkType === undefined ? {} : { networkType: facts.networkType }),
    ...(live.allowPowerCommands ? { power: systemPower } : {}),
  };
};
