import type { Result } from '../../contract/result';
import type { LinkError } from './serial-link';

/**
 * One opened serial port, as the OS gives it: bytes in, bytes out, and word when it goes away.
 * It never retries, probes or times anything out; the link supervisor (core/link) decides all of that,
 * on the injected clock, so the policy is tested without a port and without waiting.
 */
export interface SerialPipe {
  /** Resolves when the OS has taken the bytes (or refused them); it may never resolve on a wedged adapter. */
  write(bytes: Uint8Array): Promise<Result<void, LinkError>>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /**
   * At most once, when the OS reports the port closed or in error. Not after `close()`: a port the owner
   * closed is not news. A pseudo-terminal whose far end vanished reports nothing at all.
   */
  onGone(listener: (reason: string) => void): () => void;
  close(): Promise<void>;
}

export type PipeOpenError = {
  /** `bad-options`: nothing to retry (a malformed path or baud); `open-failed`: may work a moment later. */
  readonly code: 'bad-options' | 'open-failed';
  readonly message: string;
};

export type SerialTarget = { readonly path: string; readonly baud: number };

/** Opens the port once per call; the supervisor calls it again for every reconnect. */
export type SerialPipeOpener = (target: SerialTarget) => Promise<Result<SerialPipe, PipeOpenError>>;
