import type { z } from 'zod';
import { methodSchemas } from '../../contract/api';
import { invokeChannels, type InvokeMethod } from '../../contract/channels';
import type { IpcError } from '../../contract/errors';
import type { Result } from '../../contract/result';
import { err } from '../../contract/result';
import type { Logger } from '../../core/ports/logger';

/** Who sent a message: the frame's URL and whether it is the top frame. */
export type IpcSender = { readonly url: string; readonly isMainFrame: boolean };

/** The core as the bridge sees it: one function per method, each answering a Result. */
export type IpcHandlers = {
  readonly [M in InvokeMethod]: (
    input: z.infer<(typeof methodSchemas)[M]['input']>,
  ) => Promise<Result<z.infer<(typeof methodSchemas)[M]['output']>, IpcError>>;
};

export type IpcDispatcher = {
  readonly channels: readonly string[];
  dispatch(channel: string, sender: IpcSender, rawInput: unknown): Promise<Result<unknown, IpcError>>;
};

const methodByChannel = new Map<string, InvokeMethod>(
  (Object.entries(invokeChannels) as [InvokeMethod, string][]).map(([method, channel]) => [channel, method]),
);

/**
 * The single main-side entry for every message from the page: check the sender first, parse the input with
 * the contract's schema, call the handler, and always answer a Result. A throw is a bug: it is logged and
 * answered `internal`, never with a message or stack that could carry a secret.
 */
export const createIpcDispatcher = (deps: {
  readonly handlers: IpcHandlers;
  readonly isTrustedSender: (sender: IpcSender) => boolean;
  readonly logger: Logger;
}): IpcDispatcher => ({
  channels: [...methodByChannel.keys()],
  async dispatch(channel, sender, rawInput) {
    const method = methodByChannel.get(channel);
    if (method === undefined) return err({ code: 'invalid-input' });
    if (!sender.isMainFrame || !deps.isTrustedSender(sender)) {
      deps.logger.warn('ipc.forbidden', { channel, origin: safeOrigin(sender.url) });
      return err({ code: 'forbidden' });
    }
    const parsed = methodSchemas[method].input.safeParse(rawInput);
    if (!parsed.success) {
      deps.logger.warn('ipc.invalid-input', { channel });
      return err({ code: 'invalid-input' });
    }
    try {
      // Each handler's input type follows from its method; the map is typed per key above.
      const handler = deps.handlers[method] as (input: unknown) => Promise<Result<unknown, IpcError>>;
      return await handler(parsed.data);
    } catch (e) {
      deps.logger.error('ipc.internal', { channel, error: e instanceof Error ? e.name : 'non-error' });
      return err({ code: 'internal' });
    }
  },
});

const safeOrigin = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'unparseable';
  }
};
