import type { Result } from '../../electron/contract/result';
import { err, ok } from '../../electron/contract/result';
import type { LinkError, LinkStatus, SerialLink } from '../../electron/core/ports/serial-link';

/**
 * A SerialLink whose far end is the test: it records every write, lets the test push bytes back
 * (`emitData`), fail the next write, flip the status, or answer writes automatically (`respond`).
 */
export class FakeSerialLink implements SerialLink {
  readonly written: Uint8Array[] = [];
  private current: LinkStatus = 'connected';
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();
  private failures: LinkError['code'][] = [];
  private responder: ((frame: Uint8Array) => void) | null = null;
  closed = false;

  write(bytes: Uint8Array): Promise<Result<void, LinkError>> {
    const failure = this.failures.shift();
    if (failure === 'not-open' || this.current === 'down') {
      return Promise.resolve(err({ code: 'not-open', message: 'fake link not open' }));
    }
    this.written.push(bytes.slice());
    if (failure === 'write-failed')
      return Promise.resolve(err({ code: 'write-failed', message: 'EIO (fake)' }));
    const responder = this.responder;
    if (responder) {
      const copy = bytes.slice();
      queueMicrotask(() => {
        responder(copy);
      });
    }
    return Promise.resolve(ok(undefined));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  status(): LinkStatus {
    return this.current;
  }

  onStatus(listener: (s: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    this.setStatus('down');
    return Promise.resolve();
  }

  /** Bytes arriving from the board side. */
  emitData(bytes: Uint8Array | readonly number[]): void {
    const chunk = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    for (const l of this.dataListeners) l(chunk.slice());
  }

  /** `write-failed`: the bytes may have left (counted in `written`); `not-open`: nothing left. */
  failNextWrite(code: LinkError['code'] = 'write-failed'): void {
    this.failures.push(code);
  }

  setStatus(next: LinkStatus): void {
    if (next === this.current) return;
    this.current = next;
    for (const l of this.statusListeners) l(next);
  }

  /** Answers every written frame (after the write returns), e.g. with a scripted board. */
  respond(handler: ((frame: Uint8Array) => void) | null): void {
    this.responder = handler;
  }
}
