import { err, ok, type Result } from '../../electron/contract/result';
import type { LiveConnectOptions, LiveTransport } from '../../electron/core/ports/live-transport';

/** The live link's pipe with control handles: a broker that is up or down, and everything published to it. */
export class FakeLiveTransport implements LiveTransport {
  brokerUp = true;
  /** Answers to publish: false makes the next publishes fail while the connection stays up. */
  acking = true;
  connected = false;
  attempts = 0;
  readonly published: { topic: string; body: string }[] = [];
  lastConnect: LiveConnectOptions | null = null;
  private readonly messageListeners: ((topic: string, body: Uint8Array) => void)[] = [];
  private readonly downListeners: ((why: string) => void)[] = [];

  connect(options: LiveConnectOptions): Promise<Result<{ readonly sessionPresent: boolean }, string>> {
    this.attempts++;
    this.lastConnect = options;
    if (!this.brokerUp) return Promise.resolve(err('connect ECONNREFUSED'));
    this.connected = true;
    return Promise.resolve(ok({ sessionPresent: this.attempts > 1 }));
  }

  publish(topic: string, body: string): Promise<Result<void, string>> {
    if (!this.connected) return Promise.resolve(err('not connected'));
    if (!this.acking) return Promise.resolve(err('no acknowledgement from the broker'));
    this.published.push({ topic, body });
    return Promise.resolve(ok(undefined));
  }

  onMessage(listener: (topic: string, body: Uint8Array) => void): void {
    this.messageListeners.push(listener);
  }

  onDown(listener: (why: string) => void): void {
    this.downListeners.push(listener);
  }

  close(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  /** The broker goes away: the connection drops and attempts fail until `restore()`. */
  cut(): void {
    this.brokerUp = false;
    if (!this.connected) return;
    this.connected = false;
    for (const l of this.downListeners) l('connection lost');
  }

  restore(): void {
    this.brokerUp = true;
  }

  deliver(topic: string, body: string): void {
    for (const l of this.messageListeners) l(topic, Buffer.from(body));
  }
}
