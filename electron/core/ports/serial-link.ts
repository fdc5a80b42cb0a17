import type { Result } from '../../contract/result';

export type LinkStatus = 'connected' | 'reconnecting' | 'down';

export type LinkError = { readonly code: 'not-open' | 'write-failed'; readonly message: string };

/**
 * A byte pipe to the driver board. One owner opens it; the board driver queues requests on top.
 * The link reconnects by itself and reports its status (core/link/link-supervisor.ts); the driver never
 * reopens it.
 */
export interface SerialLink {
  write(bytes: Uint8Array): Promise<Result<void, LinkError>>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  status(): LinkStatus;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  close(): Promise<void>;
}
