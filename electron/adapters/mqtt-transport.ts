import mqtt, { type MqttClient } from 'mqtt';
import type { Result } from '../contract/result';
import { err, ok } from '../contract/result';
import type { LiveConnectOptions, LiveTransport } from '../core/ports/live-transport';

export type MqttTransportOptions = {
  readonly url: string;
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  readonly keepaliveSeconds: number;
  /** How long one attempt, and one publish, may wait for the broker's answer. */
  readonly answerTimeoutMs?: number;
};

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The live link's pipe over MQTT.js. Every attempt is a new client with its own, freshly signed will, MQTT 3.1.1,
 * a persistent session (`clean: false`, so the broker queues QoS 1 messages while the kiosk is away) and no
 * reconnect of its own: the core (core/live/live-connection.ts) decides when to try again, on its clock.
 */
export const createMqttTransport = (options: MqttTransportOptions): LiveTransport => {
  const timeoutMs = options.answerTimeoutMs ?? 10_000;
  const messageListeners: ((topic: string, body: Uint8Array) => void)[] = [];
  const downListeners: ((why: string) => void)[] = [];
  let client: MqttClient | null = null;

  const drop = (c: MqttClient): void => {
    c.removeAllListeners();
    // A late error from a client already given up must not become an uncaught exception.
    c.on('error', () => undefined);
    c.end(true);
  };

  return {
    connect(connectOptions: LiveConnectOptions) {
      if (client) drop(client);
      const c = mqtt.connect(options.url, {
        clientId: `${options.clientId}${connectOptions.clientIdSuffix ?? ''}`,
        ...(options.username === undefined ? {} : { username: options.username }),
        ...(options.password === undefined ? {} : { password: options.password }),
        protocolVersion: 4,
        // The kiosk's own session persists; a one-off operator connection leaves nothing behind on the broker.
        clean: connectOptions.clientIdSuffix !== undefined,
        keepalive: options.keepaliveSeconds,
        reconnectPeriod: 0,
        connectTimeout: timeoutMs,
        ...(connectOptions.will
          ? {
              will: {
                topic: connectOptions.will.topic,
                payload: Buffer.from(connectOptions.will.body),
                qos: 1,
                retain: false,
              },
            }
          : {}),
        // The durable outbox holds what must go out; MQTT.js must not queue a second copy while offline.
        queueQoSZero: false,
      });
      client = c;
      // Attached before the broker answers: a resumed session's queued messages can arrive in the same read as the
      // CONNACK, and MQTT.js acknowledges a QoS 1 message whether or not anyone listens.
      c.on('message', (topic, payload) => {
        for (const l of messageListeners) l(topic, payload);
      });
      return new Promise<Result<{ sessionPresent: boolean }, string>>((resolve) => {
        const fail = (why: string): void => {
          drop(c);
          if (client === c) client = null;
          resolve(err(why));
        };
        c.once('error', (e) => {
          fail(reason(e));
        });
        c.once('close', () => {
          fail('the broker closed the connection');
        });
        c.once('connect', (connack) => {
          c.removeAllListeners('error');
          c.removeAllListeners('close');
          c.subscribe(connectOptions.subscribe, { qos: 1 }, (e, granted) => {
            const refused = granted?.some((g) => g.qos === 128) ?? false;
            if (e || refused) {
              fail(e ? `subscribe failed: ${reason(e)}` : 'the broker refused the subscription');
              return;
            }
            c.on('error', () => undefined);
            c.once('close', () => {
              if (client !== c) return;
              client = null;
              drop(c);
              for (const l of downListeners) l('connection lost');
            });
            resolve(ok({ sessionPresent: connack.sessionPresent }));
          });
        });
      });
    },
    publish(topic, body) {
      const c = client;
      if (!c?.connected) return Promise.resolve(err('not connected'));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          resolve(err('no acknowledgement from the broker'));
        }, timeoutMs);
        c.publish(topic, body, { qos: 1 }, (e) => {
          clearTimeout(timer);
          resolve(e ? err(reason(e)) : ok(undefined));
        });
      });
    },
    onMessage(listener) {
      messageListeners.push(listener);
    },
    onDown(listener) {
      downListeners.push(listener);
    },
    async close() {
      const c = client;
      client = null;
      if (!c) return;
      c.removeAllListeners();
      c.on('error', () => undefined);
      await new Promise<void>((resolve) => {
        c.end(false, {}, () => {
          resolve();
        });
      });
    },
  };
};
