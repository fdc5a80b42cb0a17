import type { Result } from '../../contract/result';

/** A message the broker publishes for the kiosk if the connection dies without a goodbye (MQTT's will). */
export type LastWill = { readonly topic: string; readonly body: string };

export type LiveConnectOptions = {
  /**
   * Set fresh on every attempt: the will carries a signed timestamp the platform checks. Unset for a connection
   * that is not the kiosk's own (`kioskctl mqtt check`), which must never make the machine look offline.
   */
  readonly will?: LastWill;
  /** Another client id than the transport's own, for such a connection; the kiosk's session is left alone. */
  readonly clientIdSuffix?: string;
  /** Subscribed at QoS 1 once connected; the broker keeps it in the persistent session too. */
  readonly subscribe: string;
};

/**
 * The MQTT connection to the vendor's broker, one attempt at a time (adapters/mqtt-transport.ts). Reconnecting,
 * backoff and what to send are the core's (core/live), on the injected clock; this is only the pipe.
 */
export interface LiveTransport {
  /** One attempt: resolves once the broker has accepted the session and the subscription, or with why not. */
  connect(options: LiveConnectOptions): Promise<Result<{ readonly sessionPresent: boolean }, string>>;
  /** QoS 1: resolves when the broker acknowledged the message, or with why not (down, refused, no ack in time). */
  publish(topic: string, body: string): Promise<Result<void, string>>;
  onMessage(listener: (topic: string, body: Uint8Array) => void): void;
  /** The connection of the last successful attempt ended (broker gone, network down, keep-alive missed). */
  onDown(listener: (why: string) => void): void;
  /** Says goodbye (so the broker does not publish the will) and stops; no reconnect follows. */
  close(): Promise<void>;
}
