import { EventEmitter } from 'node:events';
import { record } from './record';

/** What a handler receives as its first argument: the subset of IpcMainInvokeEvent the kiosk reads. */
export type InvokeEvent = {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null;
  readonly frameId: number;
  readonly processId: number;
};

type Handler = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** What goes back to the page: the value, or the message Electron's renderer-side rejection carries. */
export type InvokeAnswer =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Electron's ipcMain: one handler per channel (a second registration throws, as in Electron), the answer
 * structured-cloned on its way back (a value that cannot be cloned fails the call, never arrives changed), and
 * the renderer's rejection worded as Electron words it.
 */
class StandinIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invoke(event: InvokeEvent, channel: string, args: unknown[]): Promise<InvokeAnswer> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) {
      record({ event: 'ipc.no-handler', channel });
      return { ok: false, message: `Error: No handler registered for '${channel}'` };
    }
    let value: unknown;
    try {
      value = await handler(event, ...args);
    } catch (e) {
      record({ event: 'ipc.handler-threw', channel, error: errorText(e) });
      return { ok: false, message: `Error invoking remote method '${channel}': ${errorText(e)}` };
    }
    try {
      value = structuredClone(value);
    } catch {
      record({ event: 'ipc.uncloneable-answer', channel });
      return {
        ok: false,
        message: `Error invoking remote method '${channel}': Error: An object could not be cloned.`,
      };
    }
    const answer = value as { ok?: unknown; error?: { code?: unknown } } | null;
    record({
      event: 'ipc.invoke',
      channel,
      senderUrl: event.senderFrame?.url ?? null,
      ok: answer?.ok ?? null,
      error: answer?.ok === false ? (answer.error?.code ?? null) : null,
    });
    return { ok: true, value };
  }
}

export const ipcMain = new StandinIpcMain();
