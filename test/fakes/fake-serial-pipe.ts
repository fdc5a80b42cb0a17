import type { Result } from '../../electron/contract/result';
import { err, ok } from '../../electron/contract/result';
import type { LinkError } from '../../electron/core/ports/serial-link';
import type {
  PipeOpenError,
  SerialPipe,
  SerialPipeOpener,
  SerialTarget,
} from '../../electron/core/ports/serial-pipe';

/** One opened fake port: records writes, lets the test push bytes, fail or wedge writes, or pull the plug. */
export class FakePipe implements SerialPipe {
  readonly written: Uint8Array[] = [];
  closed = false;
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly goneListeners = new Set<(reason: string) => void>();
  private nextWrite: 'ok' | LinkError['code'] | 'hang' = 'ok';

  write(bytes: Uint8Array): Promise<Result<void, LinkError>> {
    if (this.closed) return Promise.resolve(err({ code: 'not-open', message: 'fake pipe closed' }));
    const mode = this.nextWrite;
    this.nextWrite = 'ok';
    this.written.push(bytes.slice());
    if (mode === 'hang') return new Promise(() => undefined);
    if (mode === 'ok') return Promise.resolve(ok(undefined));
    return Promise.resolve(err({ code: mode, message: 'EIO (fake)' }));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onGone(listener: (reason: string) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  emitData(bytes: readonly number[]): void {
    for (const l of this.dataListeners) l(Uint8Array.from(bytes));
  }

  /** What the OS does when a USB adapter is pulled: a close or error event. */
  vanish(reason = 'port closed'): void {
    for (const l of this.goneListeners) l(reason);
  }

  failNextWrite(mode: LinkError['code'] | 'hang'): void {
    this.nextWrite = mode;
  }
}

type OpenScript = 'ok' | PipeOpenError['code'];

/** A pipe opener whose answers the test scripts; every open it grants is kept for inspection. */
export class FakePipeOpener {
  readonly pipes: FakePipe[] = [];
  readonly attemptsAt: number[] = [];
  private script: OpenScript[] = [];
  /** What an open does once the script runs out. */
  fallback: OpenScript = 'ok';

  constructor(private readonly now: () => number) {}

  /** The next opens answer these, in order. */
  answer(...results: OpenScript[]): void {
    this.script.push(...results);
  }

  readonly open: SerialPipeOpener = (_target: SerialTarget) => {
    this.attemptsAt.push(this.now());
    const result = this.script.shift() ?? this.fallback;
    if (result !== 'ok') return Promise.resolve(err({ code: result, message: `fake ${result}` }));
    const pipe = new FakePipe();
    this.pipes.push(pipe);
    return Promise.resolve(ok(pipe));
  };

  /** The most recently opened pipe. */
  last(): FakePipe {
    const pipe = this.pipes.at(-1);
    if (!pipe) throw new Error('no pipe was opened');
    return pipe;
  }
}
