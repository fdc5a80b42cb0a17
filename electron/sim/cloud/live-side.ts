import { connect, type MqttClient } from 'mqtt';
import {
  openLiveMessage,
  sealLiveMessage,
  type LiveFields,
  type OpenFailure,
} from '../../core/live/live-message';
import type { SignFields } from '../../core/protocol/sign';
import type { SimCloudState } from './state';
import type { SimCodeEvent } from './state-types';

export type LiveSideOptions = {
  readonly brokerUrl: string;
  readonly machineNo: string;
  /** The platform's numeric machine id, sent as `machine_id`. */
  readonly machineId: string;
  /** The signing key (AppKey or AppId: vendor-mqtt.md leaves it open). */
  readonly key: string;
  /** Epoch ms: stamps what is received and what is sent. */
  readonly now: () => number;
  /** Server → machine; default `/clients/<machineNo>`. */
  readonly topicIn?: string;
  /** Machine → server; default `/server/app`. */
  readonly topicOut?: string;
};

export type LiveReceived = { readonly method: string; readonly fields: LiveFields; readonly at: number };

export type LivePublishOptions = {
  /** Sign with another key: a forgery the kiosk must drop. */
  readonly key?: string;
  readonly timestampSeconds?: number;
};

export type LiveSide = {
  /** Messages from the kiosk whose signature held, in arrival order. */
  readonly received: readonly LiveReceived[];
  /** Messages from the kiosk that were dropped, by reason. */
  readonly rejected: Readonly<Record<OpenFailure, number>>;
  /** Publishes that failed and MQTT client errors: a test expects none. */
  readonly publishFailures: readonly string[];
  heartbeats(): readonly LiveReceived[];
  /** Signs and sends to the kiosk; `machine_id`, `client_id` and `status` are filled in unless given ('' drops one). */
  publish(fields: Readonly<Record<string, string>>, options?: LivePublishOptions): Promise<string>;
  /** Sends an exact body again: a replay. */
  publishRaw(body: string): Promise<void>;
  close(): Promise<void>;
};

// `expired_day` is not explained by the vendor; read here (inferred) as the code's validity in whole days.
const codeEventFields = ({ kind, code }: SimCodeEvent): SignFields =>
  kind === 'cancelled'
    ? { method: 'client.pickup_codes.delete', id: code.id }
    : {
        method: 'client.pickup_codes.create',
        id: code.id,
        product_id: code.productId,
        code: code.code,
        quantity: code.quantity,
        expired_at: code.expiresAt ?? undefined,
        expired_day:
          code.expiresAt === null
            ? undefined
            : Math.max(1, Math.ceil((code.expiresAt - code.createdAt) / 86_400_000)),
        used: '0',
      };

// Settles once: the listeners left behind after it are no-ops.
const firstConnect = (client: MqttClient, url: string): Promise<void> =>
  new Promise((resolve, reject) => {
    let cause = '';
    client.once('error', (error) => (cause = `: ${error.message}`));
    client.once('connect', () => {
      resolve();
    });
    client.once('close', () => {
      reject(new Error(`sim cloud: could not connect to the MQTT broker at ${url}${cause}`));
    });
  });

/** The fake cloud's MQTT side: pushes code changes to the kiosk and checks everything the kiosk publishes. */
export const attachLiveSide = async (state: SimCloudState, options: LiveSideOptions): Promise<LiveSide> => {
  const { machineNo, key, now } = options;
  const topicIn = options.topicIn ?? `/clients/${machineNo}`;
  const topicOut = options.topicOut ?? '/server/app';
  const received: LiveReceived[] = [];
  const rejected: Record<OpenFailure, number> = { 'not-base64-json': 0, unsigned: 0, 'bad-signature': 0 };
  const publishFailures: string[] = [];
  // A persistent session, like the real cloud's: what the kiosk sends while the sim reconnects is kept for it.
  const client = connect(options.brokerUrl, {
    clientId: `sim-cloud-${machineNo}`,
    clean: false,
    reconnectPeriod: 250,
  });
  client.on('error', (error) => publishFailures.push(`client: ${error.message}`));
  // Handlers go on before CONNACK: a resumed session may deliver queued messages in the same read.
  client.on('message', (topic, payload) => {
    if (topic !== topicOut) return;
    const opened = openLiveMessage(payload, key);
    if (!opened.ok) {
      rejected[opened.error] += 1;
      return;
    }
    // A `client.pickup_codes.put` (used "1") is only recorded: the HTTP consume already marked the code.
    received.push({ method: opened.value.method ?? '', fields: opened.value, at: now() });
  });
  try {
    await firstConnect(client, options.brokerUrl);
    await client.subscribeAsync(topicOut, { qos: 1 });
  } catch (error) {
    await client.endAsync(true);
    throw error;
  }

  const publishRaw = async (body: string): Promise<void> => {
    await client.publishAsync(topicIn, body, { qos: 1 });
  };
  const send = async (fields: SignFields, publishOptions: LivePublishOptions = {}): Promise<string> => {
    const common = { machine_id: options.machineId, client_id: machineNo, status: '0' };
    const timestamp = publishOptions.timestampSeconds ?? Math.floor(now() / 1000);
    const sealed = sealLiveMessage({ ...common, ...fields }, publishOptions.key ?? key, timestamp);
    await publishRaw(sealed.body);
    return sealed.body;
  };
  const unsubscribe = state.onCodeEvent((event) => {
    send(codeEventFields(event)).catch((error: unknown) => {
      publishFailures.push(`${event.kind} ${event.code.id}: ${String(error)}`);
    });
  });

  let closing: Promise<void> | null = null;
  return {
    received,
    rejected,
    publishFailures,
    heartbeats: () => received.filter((m) => m.method === 'client.heartbeat'),
    publish: (fields, publishOptions) => send(fields, publishOptions),
    publishRaw,
    close: () => {
      unsubscribe();
      return (closing ??= client.endAsync());
    },
  };
};
