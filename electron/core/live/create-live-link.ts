import type { MachineConfig } from '../config/schema';
import type { LiveTransport } from '../ports/live-transport';
import { createLiveActions, type LiveActionDeps, type PowerAction } from './live-actions';
import { createLiveService, type LiveService } from './live-service';
import type { EnvInput } from './outgoing';
import { testResult } from './outgoing';

/** What the shell gives the live link: the pipe, the two keys it may sign with, and facts about the machine. */
export type LiveAdapters = {
  readonly transport: LiveTransport;
  readonly keys: { readonly appKey: string; readonly appId: string };
  readonly env: () => EnvInput;
  /** e.g. `4G`, `WIFI`, `ETHERNET`: what the platform shows; the shell may not know and says `ETHERNET`. */
  readonly networkType?: string;
  /** Restarts or powers off the machine; unset, the vendor's power commands are logged only. */
  readonly power?: (action: PowerAction) => Promise<void>;
};

/** What the core lends the live link: the action's parts, plus when the kiosk started and how it republishes. */
export type LiveLinkParts = Omit<LiveActionDeps, 'reportTest' | 'power'> & {
  readonly bootedAt: number;
  readonly onChange: () => void;
};

export type LiveLink = LiveService & { readonly halt: () => void };

/** The live link when the machine has a broker and the shell a transport; null otherwise (polling only). */
export const createLiveLink = (
  config: MachineConfig,
  adapters: LiveAdapters | undefined,
  parts: LiveLinkParts,
): LiveLink | null => {
  const live = config.liveLink;
  if (live.brokerUrl === null || adapters === undefined) return null;
  let service: LiveService | null = null;
  const actions = createLiveActions({
    ...parts,

    reportTest: (productId, outcome) => {
      service?.enqueue(testResult(service.common, { productId, outcome }));
    },
    power: live.allowPowerCommands ? (adapters.power ?? null) : null,
  });
  service = createLiveService({
    config: live,
    machineNo: config.machineNo,
    key: live.signWith === 'appId' ? adapters.keys.appId : adapters.keys.appKey,
    transport: adapters.transport,
    store: parts.store,
    clock: parts.clock,
    logger: parts.logger,
    act: (command) => {
      actions.act(command);
    },
    env: adapters.env,
    networkType: adapters.networkType ?? 'ETHERNET',
    bootedAt: parts.bootedAt,
    onChange: parts.onChange,
  });
  return Object.assign(service, {
    halt: () => {
      actions.stop();
    },
  });
};
